"""The question templates shipped with studykit (YAML files in this folder)."""
