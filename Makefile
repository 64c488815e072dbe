# studykit: two commands for a newcomer (make demo, make test), plus lint.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SOURCES := pyproject.toml $(shell find studykit question_templates -type f \( -name '*.py' -o -name '*.yaml' -o -name '*.j2' -o -name '*.css' \) 2>/dev/null)

.PHONY: demo test lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# A plain (non-editable) install, so the demo runs exactly what a user gets.
$(VENV)/.installed-demo: $(BIN)/python $(SOURCES)
	$(BIN)/python -m pip install --quiet .
	@touch $@

$(VENV)/.installed-test: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@rm -f $(VENV)/.installed-demo
	@touch $@

demo: $(VENV)/.installed-demo
	$(BIN)/studykit build articles/ -o out/
	@echo
	@echo "Anki deck:  out/deck.apkg       (File > Import in Anki)"
	@echo "Quiz:       out/quiz.html       (open in a browser, print)"
	@echo "Questions:  out/questions.jsonl"

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q

lint: $(VENV)/.installed-test
	$(BIN)/ruff check studykit tests benchmarks fuzz
	$(BIN)/ruff format --check studykit tests benchmarks fuzz
	$(BIN)/mypy studykit

clean:
	rm -rf $(VENV) out build *.egg-info
