# Thin entry points; each target is one readable script under scripts/.
.PHONY: serve build test sizes bench dist fuzz geo voorbeeld

serve:  ## build the app and serve it on http://127.0.0.1:8000/
	bash scripts/serve.sh

build:  ## build the static site in place (index.html, pkg/, www/)
	bash scripts/build.sh

test:   ## every test: lint gates, native, wasm in Chromium, end-to-end
	bash scripts/test.sh

sizes:  ## raw / gzip / brotli of everything the page loads (the release bundle, make dist)
	bash scripts/dist.sh >/dev/null && node scripts/sizes.mjs

bench:  ## benchmark figures (printed, never asserted)
	bash scripts/bench.sh

dist:   ## a versioned static bundle with hashed names and SRI, in dist/
	bash scripts/dist.sh

fuzz:   ## fuzz every parser DURATION seconds each (default 60; nightly + cargo-fuzz, installed)
	DURATION=$(or $(DURATION),60) bash scripts/fuzz.sh $(TARGETS)

geo:    ## regenerate data/geo from its sources; a new boundary year: make geo WBK=file TABLES=dir [REMAP=OLD=NEW]
	bash scripts/geo.sh

voorbeeld:  ## write what follows from the gemeente→omgevingsdienst table: voorbeeld-nederland.json (contract §6.3), the map's OD colours
	cargo run --quiet --example voorbeeld_nederland
