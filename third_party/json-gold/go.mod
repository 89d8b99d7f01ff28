module github.com/piprate/json-gold

go 1.21

require (
	github.com/cayleygraph/quad v1.3.0
	github.com/pquerna/cachecontrol v0.2.0
)
