package report

import (
	"strings"
	"time"
)

// Text is a message for a reader in the three forms surfaces need: a stable
// Code, its Params, and the English sentence the CLI and JSON consumers
// read. The web page, widget and wallet say the code in the reader's
// language (web/i18n.mjs); every code made with Say is listed in
// web/i18n/messages.mjs, which a test keeps in step with the source.
//
// A message of several sentences (a reason appended to a finding, the
// results of several status lists) is the first Text followed by More, each
// sentence with its own code: see Then.
type Text struct {
	Code    string
	Params  map[string]string
	English string
	More    []Part
}

// Part is a sentence that follows a message's first: its code and params.
type Part struct {
	Code   string            `json:"code"`
	Params map[string]string `json:"params,omitempty"`
}

// DateLayout is how a {name|date} parameter appears in an English message.
const DateLayout = "2 January 2006, 15:04 MST"

// Say makes a Text from a code, an English template and name/value pairs.
// The template names each parameter in braces: {host}; {name|date} shows an
// RFC 3339 value as a date (DateLayout, UTC), the parameter keeping the
// RFC 3339 form so that a surface can format it for its reader. Code and
// template must be string literals (the catalogue test reads them from the
// source).
func Say(code, template string, kv ...string) Text {
	t := Text{Code: code}
	if len(kv) > 0 {
		t.Params = make(map[string]string, len(kv)/2)
	}
	for i := 0; i+1 < len(kv); i += 2 {
		t.Params[kv[i]] = kv[i+1]
	}
	if strings.IndexByte(template, '{') < 0 {
		// Nothing to fill in: the sentence is the template, not a copy.
		t.English = template
		return t
	}
	// Room for the sentence at once (a date's words are about as long as
	// its RFC 3339 form), rather than growing it piece by piece.
	n := len(template)
	for i := 1; i < len(kv); i += 2 {
		n += len(kv[i])
	}
	var b strings.Builder
	b.Grow(n)
	for rest := template; ; {
		open := strings.IndexByte(rest, '{')
		end := strings.IndexByte(rest[max(open, 0):], '}')
		if open < 0 || end < 0 {
			b.WriteString(rest)
			break
		}
		end += open
		b.WriteString(rest[:open])
		name, kind, _ := strings.Cut(rest[open+1:end], "|")
		v := t.Params[name]
		if kind == "date" {
			if d, err := time.Parse(time.RFC3339, v); err == nil {
				v = d.UTC().Format(DateLayout)
			}
		}
		b.WriteString(v)
		rest = rest[end+1:]
	}
	t.English = b.String()
	return t
}

// Then is t followed by more, in English separated by a space; a surface
// says each part in turn. An empty Text is left out.
func (t Text) Then(more ...Text) Text {
	for _, m := range more {
		switch {
		case m.Code == "" && m.English == "":
			continue
		case t.Code == "" && t.English == "":
			t = m
			continue
		}
		t.English += " " + m.English
		parts := make([]Part, 0, len(t.More)+1+len(m.More))
		parts = append(append(parts, t.More...), Part{Code: m.Code, Params: m.Params})
		t.More = append(parts, m.More...)
	}
	return t
}

// Check is a check whose message is t.
func (t Text) Check(id CheckID, o Outcome, detail string) Check {
	c := Check{ID: id, Outcome: o, Detail: detail}
	c.Say(t)
	return c
}

// Say sets the check's message to t.
func (c *Check) Say(t Text) {
	c.Message, c.Code, c.Params, c.More = t.English, t.Code, t.Params, t.More
}

// Text is the check's message as a Text, to say it inside another.
func (c *Check) Text() Text {
	return Text{Code: c.Code, Params: c.Params, English: c.Message, More: c.More}
}
