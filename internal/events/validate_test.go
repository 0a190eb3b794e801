package events_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/sanctions-dev/sanctions/config"
	"github.com/sanctions-dev/sanctions/internal/events"
	"github.com/sanctions-dev/sanctions/internal/library"
)

func validator(t *testing.T) *events.Validator {
	t.Helper()
	lib, err := library.Load(context.Background(), library.Source{Name: "rules", FS: os.DirFS("../../rules")})
	if err != nil {
		t.Fatal(err)
	}
	v, err := events.NewValidator(lib.SchemaPath, lib.Schema, lib.Countries)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

const valid = `id: t
type: transfer
date: 2024-03
summary: s
supplier: {country: North Korea}
recipient: {name: a trading company, country: "Russian Federation", kind: company}
items: [{description: shells, quantity: {value: 1000, unit: rounds}}]
parties: [{country: Pyongyang, role: operator}]
location: {country: ukraine}
claims: [{status: reported, by: {name: Yonhap, country: Seoul, kind: media}, source: s}]
sources: [{id: s, publisher: p, published: 2024}]
evidence: [{quote: q, source: s}]
`

func decodeOne(t *testing.T, text string) *events.Event {
	t.Helper()
	var ev *events.Event
	_, err := events.Decode(context.Background(), events.Input{Name: "e.yaml", Reader: strings.NewReader(text), Format: events.YAML},
		config.DefaultLimits(), func(r events.Record) error {
			if r.Problem != nil {
				t.Fatalf("decode: %v", r.Problem)
			}
			ev = r.Event
			return nil
		})
	if err != nil || ev == nil {
		t.Fatalf("decode: %v", err)
	}
	return ev
}

func TestValidEventIsNormalised(t *testing.T) {
	ev := decodeOne(t, valid)
	if probs := validator(t).Check(ev); len(probs) != 0 {
		t.Fatalf("problems: %v", probs)
	}
	doc := ev.Doc
	get := func(m any, k string) any { return m.(map[string]any)[k] }
	for _, c := range []struct{ got, want any }{
		{get(doc["supplier"], "country"), "KP"},
		{get(doc["recipient"], "country"), "RU"},
		{get(doc["parties"].([]any)[0], "country"), "KP"},
		{get(doc["location"], "country"), "UA"},
		{get(get(doc["claims"].([]any)[0], "by"), "country"), "KR"},
		{get(doc["sources"].([]any)[0], "published"), "2024"},
		{ev.ID + " " + ev.Type + " " + ev.Date, "t transfer 2024-03"},
	} {
		if c.got != c.want {
			t.Errorf("got %v, want %v", c.got, c.want)
		}
	}
}

func TestValidationErrors(t *testing.T) {
	tests := []struct {
		name, from, to string
		want           string // the problems expected, as rendered, one a line
	}{
		{"misspelled key", "summary: s\n", "summary: s\nsumary: x\n", `e.yaml:5:1: event "t": field sumary: unknown field "sumary" (did you mean "summary"?)`},
		{"misspelled nested key", "{description: shells,", "{descripton: shells,", `e.yaml:7:9: event "t": field items[0]: missing required field "description"` + "\n" +
			`e.yaml:7:10: event "t": field items[0].descripton: unknown field "descripton" (did you mean "description"?)`},
		{"unknown key, no suggestion", "summary: s\n", "summary: s\nwhatever: x\n", `e.yaml:5:1: event "t": field whatever: unknown field "whatever" (allowed: claims, date, end_date, evidence, id, items, location, parties, recipient, sources, summary, supplier, tags, type, x)`},
		{"missing required", "summary: s\n", "", `e.yaml:1:1: event "t": missing required field "summary"`},
		{"conditional required", "supplier: {country: North Korea}\n", "", `e.yaml:1:1: event "t": missing required field "supplier" (events of type transfer need it)`},
		{"wrong type", "value: 1000", "value: many", `e.yaml:7:49: event "t": field items[0].quantity.value: want number, got string`},
		{"negative quantity", "value: 1000", "value: -5", `e.yaml:7:49: event "t": field items[0].quantity.value: minimum: got -5, want 0`},
		{"bad enum", "type: transfer", "type: shipment", `e.yaml:2:7: event "t": field type: "shipment" is not one of transfer, technical_assistance, cooperation, financial, labour, deployment, launch, agreement, meeting, other`},
		{"impossible date", "date: 2024-03", "date: 2023-13-45", `e.yaml:3:7: event "t": field date: "2023-13-45": not a real date (want YYYY, YYYY-MM or YYYY-MM-DD)`},
		{"date shape", "date: 2024-03", "date: March 2024", `e.yaml:3:7: event "t": field date: "March 2024": want YYYY, YYYY-MM or YYYY-MM-DD`},
		{"end before start", "date: 2024-03\n", "date: 2024-03\nend_date: 2023\n", `e.yaml:4:11: event "t": field end_date: end_date 2023 is before date 2024-03`},
		{"party without name or country", "parties: [{country: Pyongyang, role: operator}]", "parties: [{role: operator}]", `e.yaml:8:11: event "t": field parties[0]: needs at least one of "name" or "country"`},
		{"unresolved evidence source", "{quote: q, source: s}", "{quote: q, source: t}", `e.yaml:12:31: event "t": field evidence[0].source: source "t" is not one of the event's sources (s)`},
		{"unresolved claim source", "kind: media}, source: s}", "kind: media}, source: x}", `e.yaml:10:86: event "t": field claims[0].source: source "x" is not one of the event's sources (s)`},
		{"unknown country", "{country: North Korea}", "{country: Atlantis}", `e.yaml:5:21: event "t": field supplier.country: unknown country "Atlantis": give an ISO 3166-1 alpha-2 code, or add the name to rules/data/countries.yaml`},
		{"no claims", "claims: [{status: reported, by: {name: Yonhap, country: Seoul, kind: media}, source: s}]", "claims: []", `e.yaml:10:9: event "t": field claims: minItems: got 0, want 1`},
		{"bad id", "id: t", "id: t t", `e.yaml:1:5: event "t t": field id: "t t" does not match ^[A-Za-z0-9._:-]+$`},
	}
	v := validator(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := strings.Replace(valid, tt.from, tt.to, 1)
			if text == valid {
				t.Fatalf("%q not in the event", tt.from)
			}
			probs := v.Check(decodeOne(t, text))
			if probs.Error() != tt.want {
				t.Errorf("got  %v\nwant %s", probs, tt.want)
			}
		})
	}
}

func TestDuplicateIDs(t *testing.T) {
	ids := events.NewIDs()
	a := decodeOne(t, valid)
	if p := ids.Add(a); p != nil {
		t.Fatal(p)
	}
	p := ids.Add(decodeOne(t, valid))
	if p == nil || p.Error() != `e.yaml:1:5: event "t": field id: duplicate event id "t": first used at e.yaml:1` {
		t.Errorf("got %v", p)
	}
}

func TestIDsManyAndColliding(t *testing.T) {
	ids := events.NewIDs()
	for i := range 100000 {
		ev := &events.Event{ID: fmt.Sprintf("e-%d", i), Pos: events.Position{File: fmt.Sprintf("f%d", i%3), Line: i + 1}}
		if p := ids.Add(ev); p != nil {
			t.Fatalf("false duplicate: %v", p)
		}
	}
	p := ids.Add(&events.Event{ID: "e-4242", Pos: events.Position{File: "g", Line: 9}})
	if p == nil || !strings.Contains(p.Message, `duplicate event id "e-4242": first used at f0:4243`) {
		t.Errorf("got %v", p)
	}
}
