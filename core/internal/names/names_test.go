package names

import (
	"strings"
	"testing"
)

func TestCaution(t *testing.T) {
	for _, tc := range []struct {
		name string
		want string // a word the problem must contain; "" for none
	}{
		{"Harvard University", ""},
		{"Université de Montréal", ""},
		{"東京大学 (University of Tokyo)", ""},
		{"서울대학교 Seoul National University", ""},
		{"Московский государственный университет", ""},
		{"Πανεπιστήμιο Αθηνών", ""},
		{"جامعة القاهرة", ""},
		{"\u0397arvard University", "mixes"},           // Greek Eta
		{"H\u0430rvard", "mixes"},                      // Cyrillic a
		{"Harvard\u202e ytisrevinU", "text-direction"}, // right-to-left override
		{"Harvard\u200b University", "invisible"},      // zero-width space
		{"\u0410\u0412\u0421", "look like Latin"},      // Cyrillic АВС
		{"Harvard\x1b[2K University", "invisible"},     // terminal escape
	} {
		got := Caution(tc.name).English
		if tc.want == "" && got != "" || tc.want != "" && !strings.Contains(got, tc.want) {
			t.Errorf("%q: %q, want %q", tc.name, got, tc.want)
		}
	}
}

func FuzzCaution(f *testing.F) {
	f.Add("Harvard University")
	f.Add("\u0397arvard\u202e")
	f.Fuzz(func(t *testing.T, s string) { Caution(s) })
}
