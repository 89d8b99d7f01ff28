// Deprecated: github.com/lestrrat-go/jwx/v2 is no longer maintained. Use github.com/lestrrat-go/jwx/v4 or github.com/lestrrat-go/jwx/v3 instead.
module github.com/lestrrat-go/jwx/v2

go 1.25.0

require (
	github.com/decred/dcrd/dcrec/secp256k1/v4 v4.4.1
	github.com/goccy/go-json v0.10.6
	github.com/lestrrat-go/blackmagic v1.0.4
	github.com/lestrrat-go/httprc v1.0.6
	github.com/lestrrat-go/iter v1.0.2
	github.com/lestrrat-go/option v1.0.1
	github.com/segmentio/asm v1.2.1
	github.com/stretchr/testify v1.11.1
	golang.org/x/crypto v0.53.0
)

require (
	github.com/davecgh/go-spew v1.1.1 // indirect
	github.com/lestrrat-go/httpcc v1.0.1 // indirect
	github.com/pmezard/go-difflib v1.0.0 // indirect
	golang.org/x/sys v0.46.0 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)
