package events

import (
	"bytes"
	"context"
	"fmt"
	"testing"
	"time"
)

func TestZZExpAlias(t *testing.T) {
	for _, alias := range []bool{false, true} {
		var b bytes.Buffer
		for i := 0; i < 2000; i++ {
			fmt.Fprintf(&b, "- id: e%d\n  type: meeting\n  date: 2024-01\n  summary: s\n", i)
			if alias && i > 0 {
				b.WriteString("  claims: *c\n  sources: *s\n  evidence: *e\n")
			} else {
				a := func(n string) string { if alias { return "&" + n + " " }; return "" }
				fmt.Fprintf(&b, "  claims: %s[{status: reported, by: {country: US}}]\n  sources: %s[{id: s, publisher: p}]\n  evidence: %s[{quote: q, source: s}]\n", a("c"), a("s"), a("e"))
			}
		}
		start := time.Now()
		n := 0
		_, err := Decode(context.Background(), Input{Name: "x", Reader: bytes.NewReader(b.Bytes()), Format: YAML}, DefaultLimits, func(r Record) error {
			if r.Event == nil { t.Fatal(r.Problem) }
			n++
			return nil
		})
		t.Logf("alias=%v n=%d err=%v %v", alias, n, err, time.Since(start))
	}
}
