package recipient

import "testing"

func TestMatch(t *testing.T) {
	// The IdentityHash example checked in shared/notes/spec-checklist.md §2:
	// SHA-256("a@example.com" + "Kosher").
	subject := map[string]any{
		"id": "did:example:123",
		"identifier": []any{
			map[string]any{"type": "IdentityObject", "identityType": "emailAddress", "hashed": true,
				"identityHash": "sha256$B5809D8A92F8858436D7E6B87C12EBC0AE1EAC4BAECC2C0B913AEE2C922EF399", "salt": "Kosher"},
			map[string]any{"type": "IdentityObject", "identityType": "studentId", "hashed": false, "identityHash": "S-42"},
			map[string]any{"type": "IdentityObject", "identityType": "userName", "hashed": true,
				"identityHash": "md5$0cc175b9c0f1b6a831c399e269772661"}, // md5("a"), no salt
		},
	}
	cases := []struct {
		in   string
		want bool
	}{
		{"email:a@example.com", true},
		{"email:b@example.com", false},
		{"emailAddress:a@example.com", true},
		{"studentId:S-42", true},
		{"studentId:S-43", false},
		{"username:a", true},
		{"did:example:123", true},
		{"did:example:456", false},
		{"phone:123", false},
	}
	for _, c := range cases {
		k, err := Parse(c.in)
		if err != nil {
			t.Fatalf("Parse(%q): %v", c.in, err)
		}
		if got := Match(subject, k); got.Matched != c.want {
			t.Errorf("%s: matched=%v (%s), want %v", c.in, got.Matched, got.How, c.want)
		}
	}
	if _, err := Parse("nocolon"); err == nil {
		t.Error("Parse accepted a value without a type")
	}
}
