// Package names judges whether a name shown to a reader could mislead: an
// issuer calling itself "Ηarvard" with a Greek Eta, a name that hides a
// right-to-left override to reorder what follows it, or one padded with
// invisible characters. The techniques follow Unicode Technical Standard
// #39 (Security Mechanisms): a name should be in one script, or in a
// combination that a real writing system uses (Latin with Han and kana for
// Japanese, with Hangul for Korean, with Bopomofo for Chinese), and should
// hold no characters that act instead of being seen.
//
// The package only warns; it never rewrites a name. The surfaces show names
// as text, isolated from their surroundings (the page with <bdi>, the CLI
// with escapes), so a name can be read but cannot act.
package names

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/clearbadge/clearbadge/core/report"
)

// scripts are the scripts a name is sorted into. Common (digits,
// punctuation) and Inherited (combining marks) characters belong to any.
var scripts = []struct {
	name  string
	table *unicode.RangeTable
}{
	{"Latin", unicode.Latin}, {"Greek", unicode.Greek}, {"Cyrillic", unicode.Cyrillic},
	{"Armenian", unicode.Armenian}, {"Hebrew", unicode.Hebrew}, {"Arabic", unicode.Arabic},
	{"Devanagari", unicode.Devanagari}, {"Thai", unicode.Thai}, {"Georgian", unicode.Georgian},
	{"Cherokee", unicode.Cherokee}, {"Han", unicode.Han}, {"Hiragana", unicode.Hiragana},
	{"Katakana", unicode.Katakana}, {"Hangul", unicode.Hangul}, {"Bopomofo", unicode.Bopomofo},
}

// withLatin are the scripts that legitimately mix with Latin (UTS #39 §5.2
// "Highly Restrictive": Latin + Han + Hiragana + Katakana; Latin + Han +
// Bopomofo; Latin + Han + Hangul).
var withLatin = map[string]bool{"Han": true, "Hiragana": true, "Katakana": true, "Hangul": true, "Bopomofo": true}

// lookalikes are Greek and Cyrillic letters that are drawn like Latin ones
// (a subset of UTS #39's confusables that covers the letters of names).
const lookalikes = "АВСЕНІЈКМОРЅТХУавсеһіјкмопрѕхуԁԛԜԝΑΒΕΖΗΙΚΜΝΟΡΤΥΧανικορτυχ"

// Caution warns, in plain words, of what could make name mislead a reader;
// it is empty (no Code) for an ordinary name.
func Caution(name string) report.Text {
	var hidden []string
	seen := map[string]bool{}
	var order []string
	letters, alike := 0, 0
	for _, r := range name {
		switch {
		case unicode.Is(unicode.Bidi_Control, r):
			hidden = append(hidden, fmt.Sprintf("U+%04X (a text-direction control)", r))
			continue
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff' || unicode.IsControl(r):
			hidden = append(hidden, fmt.Sprintf("U+%04X (an invisible character)", r))
			continue
		case !unicode.IsLetter(r):
			continue
		}
		letters++
		if strings.ContainsRune(lookalikes, r) {
			alike++
		}
		for _, s := range scripts {
			if unicode.Is(s.table, r) && !seen[s.name] {
				seen[s.name] = true
				order = append(order, s.name)
			}
		}
	}
	chars, scripts := strings.Join(dedupe(hidden), ", "), strings.Join(order, ", ")
	lookalike := !mixed(order) && len(order) == 1 && (order[0] == "Greek" || order[0] == "Cyrillic") && letters > 0 && alike == letters
	// Each combination is one sentence, so that every language can say it
	// whole.
	switch {
	case len(hidden) > 0 && mixed(order):
		return report.Say("name.hidden-scripts", "Be careful with the name \u201c{name}\u201d: it contains characters that are not shown but change how text is displayed: {chars}; it mixes letters of different scripts ({scripts}), as look-alike names do.",
			"name", name, "chars", chars, "scripts", scripts)
	case len(hidden) > 0 && lookalike:
		return report.Say("name.hidden-lookalike", "Be careful with the name \u201c{name}\u201d: it contains characters that are not shown but change how text is displayed: {chars}; it is written in {script} letters that all look like Latin ones.",
			"name", name, "chars", chars, "script", order[0])
	case len(hidden) > 0:
		return report.Say("name.hidden", "Be careful with the name \u201c{name}\u201d: it contains characters that are not shown but change how text is displayed: {chars}.", "name", name, "chars", chars)
	case mixed(order):
		return report.Say("name.scripts", "Be careful with the name \u201c{name}\u201d: it mixes letters of different scripts ({scripts}), as look-alike names do.", "name", name, "scripts", scripts)
	case lookalike:
		return report.Say("name.lookalike", "Be careful with the name \u201c{name}\u201d: it is written in {script} letters that all look like Latin ones.", "name", name, "script", order[0])
	}
	return report.Text{}
}

func mixed(order []string) bool {
	if len(order) < 2 {
		return false
	}
	for _, s := range order {
		if s != "Latin" && !withLatin[s] {
			return true
		}
	}
	// Han with kana or Hangul, with or without Latin, is one writing system.
	return false
}

func dedupe(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
