package credential

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/clearbadge/clearbadge/internal/vectors"
)

// agree checks decodeObject against encoding/json on one input: where it
// answers, encoding/json accepts the input and gives the same value.
func agree(t *testing.T, name string, b []byte) {
	t.Helper()
	got, ok := decodeObject(b)
	if !ok {
		return
	}
	var want any
	if err := json.Unmarshal(b, &want); err != nil {
		t.Errorf("%s: decodeObject accepted what encoding/json refuses (%v)", name, err)
		return
	}
	if !reflect.DeepEqual(any(got), want) {
		t.Errorf("%s: decodeObject gives\n%#v\nencoding/json\n%#v", name, got, want)
	}
}

// Every JSON document of the test vectors and testdata decodes the same
// either way, and the ordinary ones take the fast way.
func TestDecodeAgreesOnCorpus(t *testing.T) {
	fast := 0
	for _, root := range []string{vectors.Dir(t), filepath.Join("..", "..", "..", "testdata"), filepath.Join("..", "..", "..", "web", "samples")} {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".json") {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			agree(t, p, b)
			if _, ok := decodeObject(b); ok {
				fast++
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if fast < 100 {
		t.Errorf("only %d documents took the fast way", fast)
	}
}

func TestDecodeAgreesOnEdges(t *testing.T) {
	for _, in := range []string{
		`{}`, ` {"a":[]} `, `{"a":{}}`, `{"a":1,"a":2}`, `{"":null}`, `{"a":[true,false,null,"x",-0,0.5,1e3,1E-3,-12.5e+2]}`,
		`{"a":"\u00e9\ud83d\ude00\ud800x\\\/\b\f\n\r\t\""}`, `{"a":"é \xff \xed\xa0\x80"}`, `{"\u0061":"b"}`,
		`{"a":1e400}`, `{"a":1e-400}`, `{"a":01}`, `{"a":1.}`, `{"a":.5}`, `{"a":+1}`, `{"a":-}`, `{"a":1e}`,
		`{"a":"x` + "\x01" + `"}`, `{"a":"\x"}`, `{"a":"\u12"}`, `{"a":tru}`, `{"a":nul}`, `{"a" 1}`, `{"a":1,}`,
		`{"a":[1,]}`, `{,}`, `{"a":1}]`, `{"a":1} {}`, "\ufeff{}", `[{}]`, `"x"`, `{"a":[[[]]]}`, "{\"a\":\"\xef\xbf\xbd\"}",
	} {
		agree(t, in, []byte(in))
	}
}

func FuzzDecodeAgrees(f *testing.F) {
	for _, s := range []string{`{}`, `{"a":[1,"x",{"b":null}]}`, `{"a":"\ud83d\ude00"}`, `{"a":-1.5e3}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		agree(t, string(b), b)
	})
}
