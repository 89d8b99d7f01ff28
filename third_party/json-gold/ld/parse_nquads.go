//go:build !js

// ClearBadge patch to json-gold v0.9.1 (see ../PATCH.md): the N-Quads
// parser, moved here unchanged from serialize_nquads.go so that js/wasm
// builds can leave it out (parse_nquads_js.go).

package ld

import (
	"bufio"
	"fmt"
	"io"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

type lineScanner interface {
	Bytes() []byte
	Scan() bool
	Err() error
}

type bytesLineScanner struct {
	err   error
	b     []byte
	token []byte
	i     int
}

func (ls *bytesLineScanner) Err() error { return ls.err }
func (ls *bytesLineScanner) Scan() bool {
	b, i := ls.b, ls.i
	if ls.err != nil || i >= len(b) {
		return false
	}
	di, token, err := bufio.ScanLines(b[i:], true)
	if err != nil {
		ls.err = err
		return false
	}
	ls.token = token
	ls.i += di
	return true
}
func (ls *bytesLineScanner) Bytes() []byte {
	return ls.token
}

func newScannerFor(o interface{}) (lineScanner, error) {
	switch inp := o.(type) {
	case []byte:
		return &bytesLineScanner{b: inp}, nil
	case string:
		return &bytesLineScanner{b: []byte(inp)}, nil
	case io.Reader:
		return bufio.NewScanner(inp), nil
	default:
		return nil, NewJsonLdError(InvalidInput, "expected []byte, string or io.Reader")
	}
}

// ParseNQuadsFrom parses RDF in the form of N-Quads from io.Reader, []byte or string.
func ParseNQuadsFrom(o interface{}) (*RDFDataset, error) {

	// build RDF dataset
	dataset := NewRDFDataset()

	// maintain a set of triples for each graph to check for duplicates
	triplesByGraph := make(map[string]map[Quad]struct{})
	dataset.parsedWithoutDuplicates = true // the following code ensures that no duplicate quads are added

	scanner, err := newScannerFor(o)
	if err != nil {
		return nil, err
	}

	// scan N-Quad input lines
	lineNumber := 0
	for scanner.Scan() {
		line := scanner.Bytes()
		lineNumber++

		// skip empty lines
		if isEmpty(line) {
			continue
		}

		// parse quad
		q, err := nquads.ParseRaw(string(line))
		if err != nil {
			return nil, NewJsonLdError(SyntaxError, fmt.Errorf("error while parsing N-Quads; invalid quad. line: %d. reason: %w", lineNumber, err))
		}

		// get subject
		var subject Node
		switch v := q.Subject.(type) {
		case quad.IRI:
			subject = NewIRI(string(v))
		case quad.BNode:
			subject = NewBlankNode(v.String())
		default:
			return nil, fmt.Errorf("invalid subject: %s", q.Subject.String())
		}

		// get predicate
		var predicate Node
		if iri, ok := q.Predicate.(quad.IRI); ok {
			predicate = NewIRI(string(iri))
		} else {
			return nil, fmt.Errorf("invalid predicate: %s", q.Predicate.String())
		}

		// get object
		var object Node
		switch obj := q.Object.(type) {
		case quad.IRI:
			object = NewIRI(string(obj))
		case quad.BNode:
			object = NewBlankNode(obj.String())
		case quad.TypedString:
			object = NewLiteral(string(obj.Value), string(obj.Type), "")
		case quad.LangString:
			object = NewLiteral(string(obj.Value), RDFLangString, obj.Lang)
		case quad.String:
			object = NewLiteral(string(obj), XSDString, "")
		default:
			return nil, fmt.Errorf("invalid object: %s", q.Object.String())
		}

		// get graph name ('@default' is used for the default graph)
		name := "@default"
		if label := q.Label; label != nil {
			switch label := label.(type) {
			case quad.IRI:
				name = string(label)
			case quad.BNode:
				name = label.String()
			default:
				return nil, fmt.Errorf("invalid label: %s", q.Label.String())
			}
		}

		triple := NewQuad(subject, predicate, object, name)

		// initialise graph in dataset
		triples, present := dataset.Graphs[name]
		if triplesByGraph[name] == nil {
			triplesByGraph[name] = make(map[Quad]struct{})
		}

		if !present {
			dataset.Graphs[name] = []*Quad{triple}
		} else {
			// add triple if unique to its graph
			if _, hasTriple := triplesByGraph[name][*triple]; !hasTriple {
				dataset.Graphs[name] = append(triples, triple)
			}
		}
		triplesByGraph[name][*triple] = struct{}{}
	}
	if err := scanner.Err(); err != nil {
		return nil, NewJsonLdError(IOError, err)
	}

	return dataset, nil
}

func isEmpty(line []byte) bool {
	for _, b := range line {
		if b != ' ' && b != '\t' {
			return false
		}
	}
	return true
}
