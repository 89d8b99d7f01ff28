# ClearBadge build. Two commands matter on a new machine: `make run` and `make test`.
GO      ?= go
# The Go toolchain is the one go.mod's toolchain line names (go1.26.11: the
# first without the standard-library vulnerabilities make vulncheck found in
# go1.26.8's net/http, crypto/tls, crypto/x509 and os). "auto" lets an older
# installed go fetch it from the module proxy, which overrides a go env file
# that says "local". GOROOT is read through the same toolchain, so that the
# wasm and its wasm_exec.js come from one Go.
export GOTOOLCHAIN = auto
GOROOT  := $(shell GOTOOLCHAIN=$(GOTOOLCHAIN) $(GO) env GOROOT)
# Fuzzing budget per target, as a count of executions: a duration (-fuzztime=5s)
# trips Go 1.26's fuzz coordinator race (golang/go#75804), which reports a
# spurious "context deadline exceeded" at the deadline.
FUZZTIME ?= 20000x

.PHONY: all help build cli wasm extension run test test-go test-fuzz test-browser screenshots bench lint fmt vulncheck
all: build

## help: list the targets a developer uses
help:
	@grep -h '^## ' $(MAKEFILE_LIST) | sed 's/^## //'

## build: the CLI, and the wasm with its loader copied into web/ (and extension/)
build: cli wasm extension

cli:
	$(GO) build -trimpath -o bin/clearbadge ./cmd/clearbadge

# WASMGCFLAGS turns inlining off (-l) in the packages that are not on the
# verification's hot path: ClearBadge's own (but the JSON-LD and decoding
# ones), jwx, golang.org/x, the JSON Schema validator, and the standard
# library's cold corners. In WebAssembly an inlined body costs more code than
# natively, and its entries in the pc tables more still: with
# core/internal/jsonld's go:noinline constructors, the offline build went from
# 2,113,649 to 1,926,310 B brotli -q 11 and the full one from 2,324,131 to
# 2,117,167, for 1.1-1.4 % more instructions per verification (callgrind,
# core/verify's benchmarks built natively with the same flags; see
# docs/performance.md). A package matching several patterns takes the last.
WASMCOLD = fmt time regexp/... crypto/x509/... encoding/asn1 encoding/pem encoding/xml math/big net/url \
  internal/fmtsort os unicode runtime/debug compress/... crypto/rsa crypto/internal/fips140/rsa \
  crypto/ecdsa crypto/elliptic crypto/internal/fips140/ecdsa \
  github.com/lestrrat-go/... golang.org/x/... github.com/santhosh-tekuri/...
WASMGCFLAGS = -gcflags=github.com/clearbadge/clearbadge/...=-l \
  -gcflags=github.com/clearbadge/clearbadge/core/internal/jsonld= \
  -gcflags=github.com/clearbadge/clearbadge/core/internal/credential= \
  $(foreach p,$(WASMCOLD),-gcflags=$(p)=-l)

# wasm: the verifier for web/ (and, later, extension/), with the loader of the
# exact Go toolchain that built it (wasm_exec.js must match the toolchain).
# Two builds: the full one, and the offline one (build tag
# clearbadge_offline: no JSON Schema validator, which only a fetched schema
# needs; ~10 % smaller) that the page's and the widget's offline worker run.
# Pages load content-hashed copies, clearbadge.<hash>.wasm, named in
# web/wasm-name.mjs (default: the full build, for the online worker;
# offline: the offline build), which browsers may cache for good (cmd/serve
# and web/_headers say immutable), with their .br and .gz forms for
# cmd/serve; Node and the extension read clearbadge.wasm, the full build.
# The page's generated files are made here too: common.js (common.mjs as a
# classic script) and tokens.css (the design tokens of common.mjs as CSS).
WASMBUILD = GOOS=js GOARCH=wasm $(GO) build -trimpath $(WASMGCFLAGS) -buildvcs=$(if $(wildcard .git),true,auto) -ldflags='-s -w'
wasm:
	$(WASMBUILD) -o web/clearbadge.wasm ./wasm
	@mkdir -p bin
	$(WASMBUILD) -tags clearbadge_offline -o bin/clearbadge-offline.wasm ./wasm
	cp $(GOROOT)/lib/wasm/wasm_exec.js web/wasm_exec.js
	scripts/classic.sh web/common.mjs Common web
	node scripts/tokens.mjs web/tokens.css
	@h=$$(sha256sum web/clearbadge.wasm | cut -c1-16) && o=$$(sha256sum bin/clearbadge-offline.wasm | cut -c1-16) && \
	  rm -f web/clearbadge.*.wasm web/clearbadge.*.wasm.br web/clearbadge.*.wasm.gz && \
	  cp web/clearbadge.wasm web/clearbadge.$$h.wasm && cp bin/clearbadge-offline.wasm web/clearbadge.$$o.wasm && \
	  printf "// Written by make wasm: the content-hashed wasm builds the pages load.\nexport default 'clearbadge.%s.wasm';\nexport const offline = 'clearbadge.%s.wasm';\n" $$h $$o > web/wasm-name.mjs && \
	  echo "web/clearbadge.$$h.wasm web/clearbadge.$$o.wasm (offline)" && node scripts/precompress.mjs web/clearbadge.$$h.wasm web/clearbadge.$$o.wasm

# extension: the unpacked wallet (load extension/ in Chromium). The wasm, its
# loader, the page's stylesheet (and its design tokens), icon and card drawing (render.mjs, with its words: i18n.mjs), and the
# worker loader its offscreen verifier uses (clearbadge.mjs, worker.js,
# worker-online.js) are
# copied in (gitignored there), so each has one source in git; each text copy
# starts with a line saying it is generated from its source.
extension: wasm
	cp web/clearbadge.wasm extension/
	for f in web/wasm_exec.js web/style.css web/icon.svg web/render.mjs web/i18n.mjs web/common.mjs web/clearbadge.mjs web/worker.js web/worker-online.js; do scripts/generated.sh $$f extension; done
	scripts/classic.sh web/common.mjs Common extension
	node scripts/tokens.mjs extension/tokens.css
	mkdir -p extension/i18n && scripts/generated.sh web/i18n/messages.mjs extension/i18n
	printf "// GENERATED by make extension: an extension's files are versioned together.\nexport default 'clearbadge.wasm';\nexport const offline = 'clearbadge.wasm';\n" > extension/wasm-name.mjs

## run: build and serve the verifier on 127.0.0.1 (open the printed /#sample URL to see a sample verified)
run: build
	$(GO) run ./cmd/serve -dir web $(if $(ADDR),-addr $(ADDR))

## test: lint, unit and vector tests under -race, a short fuzz of every parser, browser tests
# Nothing may skip here: the interop tests need the npm peer stacks
# (node_modules) and the vector tests ../shared; CLEARBADGE_NO_SKIP turns a
# missing one into a failure (internal/testenv).
# The Go tests run under the race detector here (Verifier promises that one
# value is safe for concurrent use); fuzzing does not (it would cost minutes).
# The race detector slows core/verify several times over; on a busy 2-core
# machine it ran 8 minutes, near go test's default 10-minute timeout.
test: export CLEARBADGE_NO_SKIP = 1
test: GOTESTFLAGS = -race -timeout 30m
test: lint test-go test-fuzz test-browser

## lint: gofmt, go vet (native and js/wasm), staticcheck, tsc on every JavaScript file of web/ and extension/
## (checkJs) and on the tests' helpers (tests/tsconfig.json),
## Biome's lint rules and format check on the JavaScript (make fmt fixes the format), govulncheck
lint: node_modules vulncheck
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || (gofmt -l $$(git ls-files '*.go'); echo "gofmt needed"; exit 1)
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./core/... ./wasm/...
	$(GO) tool staticcheck ./...
	node_modules/.bin/tsc -p tsconfig.json
	node_modules/.bin/tsc -p tests/tsconfig.json
	node_modules/.bin/biome ci --colors=off --error-on-warnings

## fmt: format the Go (gofmt) and the JavaScript (Biome)
# Format only: Biome's "safe" lint fixes are not always (it would turn the
# worker's refusing constructors into arrows, which are no constructors).
fmt: node_modules
	gofmt -w $$(git ls-files '*.go')
	node_modules/.bin/biome format --write

# govulncheck's database, built by scripts/vulndb from golang.org/x/vulndb as
# the Go module proxy serves it: vuln.go.dev, govulncheck's usual source, is
# out of reach of the project's machines and CI. Pinned, so that a new report
# changes vulncheck's answer only when someone bumps it: put the version of
# `go list -m golang.org/x/vulndb@latest` here.
VULNDB     = v0.0.0-20261105234957-e22db6528018
VULNDB_DIR = bin/vulndb/$(VULNDB)

$(VULNDB_DIR)/index/modules.json:
	$(GO) run ./scripts/vulndb -o $(VULNDB_DIR) golang.org/x/vulndb@$(VULNDB)

## vulncheck: govulncheck on the Go code, natively and as the js/wasm build,
## and on the published versions of the modules third_party/ patches
# Built into bin/ rather than run with `go tool`: with GOOS=js set, `go tool`
# would build govulncheck itself for js/wasm.
#
# govulncheck looks a replaced module up by its replacement's path, for
# third_party/'s patched copies a directory that no report names: on its own
# it never reports json-gold, jsonschema or jwx. So it also scans, in a
# scratch module (UPSTREAM) that requires what go.mod requires without those
# replacements, every package of the published versions the copies are
# patched from: their reported vulnerabilities are the copies' too. (A
# scan of jwx v2.0.11 this way finds its three reports.)
UPSTREAM = bin/vulncheck/upstream
PATCHED  = $(shell sed -n 's/^replace \([^ ]*\) => \.\/third_party\/.*/\1/p' go.mod)
vulncheck: $(VULNDB_DIR)/index/modules.json
	$(GO) build -o bin/govulncheck golang.org/x/vuln/cmd/govulncheck
	bin/govulncheck -db file://$(CURDIR)/$(VULNDB_DIR) ./...
	GOOS=js GOARCH=wasm bin/govulncheck -db file://$(CURDIR)/$(VULNDB_DIR) ./wasm/...
	@rm -rf $(UPSTREAM) && mkdir -p $(UPSTREAM)
	grep -v '^replace .* => \./third_party/' go.mod | sed 's|^module .*|module clearbadge.invalid/upstream|' > $(UPSTREAM)/go.mod
	cp go.sum $(UPSTREAM)/go.sum
	cd $(UPSTREAM) && $(GO) mod download $(PATCHED) && \
	  $(CURDIR)/bin/govulncheck -db file://$(CURDIR)/$(VULNDB_DIR) -scan package $(PATCHED:%=%/...)

## test-go: the Go tests (with the npm peer stacks the interop tests need);
## make test adds -race (GOTESTFLAGS)
test-go: node_modules
	$(GO) test $(GOTESTFLAGS) ./...
	$(GO) test $(GOTESTFLAGS) -tags clearbadge_offline -run TestOfflineBuild ./core/internal/schema

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
SCREENSHOTS = valid failed phone incomplete identity widget extension-popup-locked extension-popup extension-wallet extension-consent extension-evidence extension-sites extension-registry extension-platform-connect extension-platform-pulled
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
	GOOS=js GOARCH=wasm $(GO) build -trimpath $(WASMGCFLAGS) -o bench/out/clearbadge-names.wasm ./wasm
	$(GO) run ./bench/wasmsize -n 30 bench/out/clearbadge-names.wasm
	node bench/run.mjs
	$(GO) run ./scripts/hostile -measure | tee bench/out/hostile-native.md
	$(GO) run ./scripts/hostile -out tests/out/hostile
	node bench/hostile.mjs tests/out/hostile
	$(GO) test -run=NONE -bench='^BenchmarkVerifyEdDSARDFC2022$$' -benchtime=3s -o bench/out/verify.test -cpuprofile bench/out/verify.cpu.pprof ./core/verify
	$(GO) tool pprof -top -cum -nodecount=30 bench/out/verify.test bench/out/verify.cpu.pprof
