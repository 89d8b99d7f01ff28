# ClearBadge build. Two commands matter on a new machine: `make run` and `make test`.
GO      ?= go
GOROOT  := $(shell $(GO) env GOROOT)
# Fuzzing budget per target, as a count of executions: a duration (-fuzztime=5s)
# trips Go 1.26's fuzz coordinator race (golang/go#75804), which reports a
# spurious "context deadline exceeded" at the deadline.
FUZZTIME ?= 20000x

.PHONY: all help build cli wasm extension run test test-go test-fuzz test-browser screenshots bench lint
all: build

## help: list the targets a developer uses
help:
	@grep -h '^## ' $(MAKEFILE_LIST) | sed 's/^## //'

## build: the CLI, and the wasm with its loader copied into web/ (and extension/)
build: cli wasm extension

cli:
	$(GO) build -trimpath -o bin/clearbadge ./cmd/clearbadge

# wasm: the verifier for web/ (and, later, extension/), with the loader of the
# exact Go toolchain that built it (wasm_exec.js must match the toolchain).
wasm:
	GOOS=js GOARCH=wasm $(GO) build -trimpath -buildvcs=$(if $(wildcard .git),true,auto) -ldflags='-s -w' -o web/clearbadge.wasm ./wasm
	cp $(GOROOT)/lib/wasm/wasm_exec.js web/wasm_exec.js

# extension: the unpacked wallet (load extension/ in Chromium). The wasm, its
# loader, the page's stylesheet, icon and card drawing (render.mjs, with its words: i18n.mjs), and the
# worker loader its offscreen verifier uses (clearbadge.mjs, worker.js,
# worker-online.js) are
# copied in (gitignored there), so each has one source in git; each text copy
# starts with a line saying it is generated from its source.
extension: wasm
	cp web/clearbadge.wasm extension/
	for f in web/wasm_exec.js web/style.css web/icon.svg web/render.mjs web/i18n.mjs web/clearbadge.mjs web/worker.js web/worker-online.js; do scripts/generated.sh $$f extension; done
	mkdir -p extension/i18n && scripts/generated.sh web/i18n/messages.mjs extension/i18n

## run: build and serve the verifier on 127.0.0.1 (open the printed /#sample URL to see a sample verified)
run: build
	$(GO) run ./cmd/serve -dir web $(if $(ADDR),-addr $(ADDR))

## test: lint, unit and vector tests under -race, a short fuzz of every parser, browser tests
# Nothing may skip here: the interop tests need the npm peer stacks
# (node_modules) and the vector tests ../shared; CLEARBADGE_NO_SKIP turns a
# missing one into a failure (internal/testenv).
# The Go tests run under the race detector here (Verifier promises that one
# value is safe for concurrent use); fuzzing does not (it would cost minutes).
test: export CLEARBADGE_NO_SKIP = 1
test: GOTESTFLAGS = -race
test: lint test-go test-fuzz test-browser

## lint: gofmt, go vet (native and js/wasm), staticcheck
lint:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || (gofmt -l $$(git ls-files '*.go'); echo "gofmt needed"; exit 1)
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./core/... ./wasm/...
	$(GO) tool staticcheck ./...

## test-go: the Go tests (with the npm peer stacks the interop tests need);
## make test adds -race (GOTESTFLAGS)
test-go: node_modules
	$(GO) test $(GOTESTFLAGS) ./...

## test-fuzz: every Fuzz* target for FUZZTIME executions
test-fuzz:
	@set -e; for f in $$(grep -rl --include='*_test.go' '^func Fuzz' .); do \
	  d=$$(dirname $$f); for t in $$(grep -o '^func Fuzz[A-Za-z0-9_]*' $$f | cut -d' ' -f2); do \
	    echo "fuzz $$d $$t"; $(GO) test -run=NONE -fuzz="^$$t\$$" -fuzztime=$(FUZZTIME) $$d; done; done

## test-browser: the wasm bridge in Node, then page, widget and wallet in Chromium
# The wasm bridge under Node, then the page, its workers and
# web/clearbadge.mjs in Debian's chromium (playwright-core, no browser
# download) and in Node.
test-browser: wasm extension node_modules
	GOOS=js GOARCH=wasm $(GO) test -exec="$(GOROOT)/lib/wasm/go_js_wasm_exec" ./wasm
	node --test tests/browser/ tests/extension/

node_modules: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch node_modules

## screenshots: run the browser tests, then refresh the README's images from tests/out
# Tests write screenshots to tests/out only; the README's copies change only here.
SCREENSHOTS = valid failed phone incomplete identity widget extension-popup-locked extension-popup extension-wallet extension-consent extension-evidence extension-sites extension-registry
screenshots: test-browser
	cp $(SCREENSHOTS:%=tests/out/%.png) docs/screenshots/

## bench: Go benchmarks per proof type, then wasm size and timings in Node and Chromium,
## then the hostile-input corpus's worst time and peak memory, natively and in the wasm
# The table (bench/run.mjs) sets ClearBadge's wasm beside verifier-core; the
# CPU profile of one eddsa-rdfc-2022 verification (native) shows what
# dominates. Results also land in bench/out/ (results.md, results.json).
bench: build node_modules
	$(GO) test -run=NONE -bench=. -benchmem ./core/...
	@mkdir -p bench/out
	GOOS=js GOARCH=wasm $(GO) build -trimpath -o bench/out/clearbadge-names.wasm ./wasm
	$(GO) run ./bench/wasmsize -n 30 bench/out/clearbadge-names.wasm
	node bench/run.mjs
	$(GO) run ./scripts/hostile -measure | tee bench/out/hostile-native.md
	$(GO) run ./scripts/hostile -out tests/out/hostile
	node bench/hostile.mjs tests/out/hostile
	$(GO) test -run=NONE -bench='^BenchmarkVerifyEdDSARDFC2022$$' -benchtime=3s -o bench/out/verify.test -cpuprofile bench/out/verify.cpu.pprof ./core/verify
	$(GO) tool pprof -top -cum -nodecount=30 bench/out/verify.test bench/out/verify.cpu.pprof
