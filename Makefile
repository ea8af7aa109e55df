# ladderc — `make` installs, builds and compiles sources/ into out/; `make test` runs every test.
SHELL := /bin/bash
NPM_STAMP := node_modules/.package-lock.json
LADDERC := node dist/cli/ladderc.js

.PHONY: all build out test check golden bench fuzz clean test-deps

all: out

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $(NPM_STAMP)

dist/.stamp: $(NPM_STAMP) tsconfig.json $(shell find src -name '*.ts') $(shell find templates -name '*.hbs') scripts/precompile-templates.mjs
	npx --no-install tsc -p tsconfig.json
	node scripts/precompile-templates.mjs
	node scripts/bundle.mjs
	chmod +x dist/src/cli.js dist/cli/ladderc.js
	@touch dist/.stamp

build: dist/.stamp

out: build
	$(LADDERC) build sources --out out

# Debian packages only the tests need (browser, PDF and spreadsheet tools).
test-deps:
	@bash scripts/test-deps.sh

# The suite, then the committed out/ must be exactly what `make` would write.
test: build test-deps
	npx --no-install vitest run
	$(LADDERC) build sources --out out --check

check: build
	$(LADDERC) build sources --out out --check

# Rewrites the expected models and messages (tests/fixtures/<case>/, tests/expected/) and the writer
# goldens (tests/writers/golden/, and tests/writers/golden-locale/ for the other locales); review the diff like code.
golden: build
	UPDATE=1 npx --no-install vitest run tests/golden tests/writers/golden.test.ts tests/writers/golden-locale.test.ts

# The property-based fuzz tests (tests/hostile/fuzz.test.ts) run longer than in `make test`:
# FUZZ_RUNS cases per property (default here 2000), FUZZ_SEED to explore another seed.
fuzz: build
	FUZZ_RUNS=$${FUZZ_RUNS:-2000} npx --no-install vitest run tests/hostile/fuzz.test.ts

# Timings (a benchmark, never a test), written to BENCHMARKS.md: the seeds cold and no-op, PDF
# ms/page, N = 10, 100, 1,000 synthetic ladders (bench/generate.mjs), pandoc (installed when missing).
bench: build
	@bash scripts/bench-deps.sh
	node bench/run.mjs

clean:
	rm -rf dist
