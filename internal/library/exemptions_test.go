package library_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"
	"gopkg.in/yaml.v3"

	"github.com/sanctions-dev/sanctions/internal/compile"
	"github.com/sanctions-dev/sanctions/internal/library"
	"github.com/sanctions-dev/sanctions/internal/testkit/testrules"
)

// exemptionEntry is a valid entry: UNICEF's refrigerators for the DPRK in the first half of 2020.
const exemptionEntry = `- id: EX-TEST
  kind: humanitarian
  basis: 2397 (2017) 25
  reference: r
  source: {publisher: p, url: "https://example.org/approval"}
  rules: [DPRK-SECTORAL-IMPORT]
  match:
    supplier: {name: United Nations Children's Fund, aliases: [UNICEF]}
    recipient: {country: KP}
    categories: [machinery]
    items: [refrigerator]
    from: "2020-01-01"
    until: "2020-06-30"
`

// exemptionEvent is what exemptionEntry exempts, with the supplier given.
func exemptionEvent(supplier map[string]any) map[string]any {
	return map[string]any{
		"id": "ev", "type": "transfer", "date": "2020-02", "summary": "Refrigerators for vaccines were delivered.",
		"supplier":  supplier,
		"recipient": map[string]any{"country": "KP"},
		"items":     []any{map[string]any{"description": "vaccine refrigerators", "category": "machinery"}},
		"claims":    []any{map[string]any{"status": "reported", "by": map[string]any{"name": "UNICEF", "kind": "international_org"}}},
		"sources":   []any{map[string]any{"id": "s", "publisher": "p"}},
		"evidence":  []any{map[string]any{"quote": "q", "source": "s"}},
	}
}

var unicef = map[string]any{"name": "UNICEF", "kind": "international_org"}

// exemptedBy evaluates the rules (data.sanctions.exempted) on the event with the exemptions table
// holding only the entry, as written: what an OPA server given the table without the checker's
// validation would say. It returns the ids of the entries that exempted a finding.
func exemptedBy(t *testing.T, entryYAML string, event map[string]any) []string {
	t.Helper()
	var entries []any
	if err := yaml.Unmarshal([]byte(entryYAML), &entries); err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(entries)
	if err != nil {
		t.Fatal(err)
	}
	var table []any
	if err := json.Unmarshal(raw, &table); err != nil {
		t.Fatal(err)
	}
	lib := testrules.Library(t)
	lib.Data["exemptions"] = table
	c, err := compile.Rules(lib, false)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := rego.New(rego.Compiler(c), rego.Store(compile.NewStore(lib)), rego.Input(event),
		rego.Query("x := [f.exemption.id | some f in data.sanctions.exempted]")).Eval(context.Background())
	if err != nil || len(rs) == 0 {
		t.Fatalf("evaluating: %v", err)
	}
	var ids []string
	for _, id := range rs[0].Bindings["x"].([]any) {
		ids = append(ids, fmt.Sprint(id))
	}
	return ids
}

func TestValidExemptionLoadsAndMatches(t *testing.T) {
	_, err := library.Load(context.Background(), library.Source{Name: "rules", FS: testrules.FS(t, map[string]string{"data/exemptions.yaml": exemptionEntry})})
	if err != nil {
		t.Fatal(err)
	}
	if got := exemptedBy(t, exemptionEntry, exemptionEvent(unicef)); len(got) != 1 || got[0] != "EX-TEST" {
		t.Errorf("UNICEF's refrigerators exempted by %v, want [EX-TEST]", got)
	}
	for name, supplier := range map[string]map[string]any{
		"another organisation": {"name": "Dandong Trading Company", "country": "CN", "kind": "company"},
		"a country":            {"country": "US"},
		"the name as a phrase": {"name": "a UNICEF contractor", "kind": "company"},
	} {
		if got := exemptedBy(t, exemptionEntry, exemptionEvent(supplier)); len(got) != 0 {
			t.Errorf("%s: exempted by %v, want none", name, got)
		}
	}
	for name, variant := range map[string]map[string]any{
		"the full name, reordered and in capitals": {"name": "CHILDREN'S FUND, UNITED NATIONS"},
		"the alias in lower case":                  {"name": "unicef"},
	} {
		if got := exemptedBy(t, exemptionEntry, exemptionEvent(variant)); len(got) != 1 {
			t.Errorf("%s: exempted by %v, want [EX-TEST]", name, got)
		}
	}
}

// TestExemptionRefusals: each entry that would match more than it names is refused at load time,
// with the line of the entry; and the rules, given the same entry without that check, do not let
// it exempt anything either (rego: true). The other refusals are about the table's quality only.
func TestExemptionRefusals(t *testing.T) {
	wfp := map[string]any{"name": "WFP", "kind": "international_org"}
	tests := []struct {
		name, from, to, want string
		at                   string         // the text of the line the error names
		rego                 bool           // the rules ignore the entry too
		supplier             map[string]any // the event's supplier, for the rules' side (default UNICEF)
		errors               int            // the number of errors, when not 1
	}{
		{"no organisation and no event", "    supplier: {name: United Nations Children's Fund, aliases: [UNICEF]}\n", "",
			"no exempted organisation", "  match:", true, nil, 0},
		{"a supplier by country only", "supplier: {name: United Nations Children's Fund, aliases: [UNICEF]}", "supplier: {country: US}",
			"no name: name the exempted organisation", "    supplier:", true, map[string]any{"name": "UNICEF", "country": "US"}, 0},
		{"categories without any party name", "    supplier: {name: United Nations Children's Fund, aliases: [UNICEF]}\n    recipient: {country: KP}\n", "",
			"no exempted organisation", "  match:", true, nil, 2},
		{"a name too short to match", "{name: United Nations Children's Fund, aliases: [UNICEF]}", "{name: WFP}",
			`"WFP" cannot be matched`, "    supplier:", true, wfp, 0},
		{"an alias too short to match", "{name: United Nations Children's Fund, aliases: [UNICEF]}", "{name: World Food Programme, aliases: [WFP]}",
			`"WFP" cannot be matched`, "    supplier:", true, wfp, 0},
		{"no recipient", "    recipient: {country: KP}\n", "", "no recipient", "  match:", true, nil, 0},
		{"a recipient as a bare country", "recipient: {country: KP}", "recipient: KP", "want {country, name, aliases}", "    recipient:", true, nil, 0},
		{"an unknown country", "recipient: {country: KP}", "recipient: {country: Narnia}", `unknown country "Narnia"`, "    recipient:", true, nil, 0},
		{"no categories", "    categories: [machinery]\n", "", "no categories", "  match:", true, nil, 0},
		{"an empty list of categories", "categories: [machinery]", "categories: []", "want a list of item categories", "    categories:", true, nil, 0},
		{"a category the schema lacks", "categories: [machinery]", "categories: [machines]", "machines is not an item category", "    categories:", true, nil, 0},
		{"an open period (no until)", "    until: \"2020-06-30\"\n", "", "open period: no until", "  match:", true, nil, 0},
		{"an open period (no from)", "    from: \"2020-01-01\"\n", "", "open period: no from", "  match:", true, nil, 0},
		{"until before from", `until: "2020-06-30"`, `until: "2019-06-30"`, "until (2019-06-30) is before from (2020-01-01)", "    until:", true, nil, 0},
		{"no rules", "  rules: [DPRK-SECTORAL-IMPORT]\n", "", "no rules", "- id: EX-TEST", true, nil, 0},
		{"an empty list of rules", "rules: [DPRK-SECTORAL-IMPORT]", "rules: []", "want a list of rule ids", "  rules:", true, nil, 0},
		{"a rule that does not exist", "rules: [DPRK-SECTORAL-IMPORT]", "rules: [DPRK-SECTORAL-IMPROT]", `"DPRK-SECTORAL-IMPROT" is not the id of a rule`, "  rules:", true, nil, 0},
		{"an event and more", "  match:\n", "  match:\n    event: ev\n", "match by event alone", "  match:", true, nil, 0},
		{"no source", "  source: {publisher: p, url: \"https://example.org/approval\"}\n", "", "no source", "- id: EX-TEST", false, nil, 0},
		{"a source without its address", `source: {publisher: p, url: "https://example.org/approval"}`, "source: {publisher: p}", "source: missing url", "  source:", false, nil, 0},
		{"a kind that is neither", "kind: humanitarian", "kind: charitable", "kind must be committee or humanitarian", "  kind:", false, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			changed := strings.Replace(exemptionEntry, tt.from, tt.to, 1)
			if changed == exemptionEntry {
				t.Fatalf("%q not in the entry", tt.from)
			}
			_, err := library.Load(context.Background(), library.Source{Name: "rules", FS: testrules.FS(t, map[string]string{"data/exemptions.yaml": changed})})
			if err == nil {
				t.Fatal("loaded")
			}
			i := strings.Index(changed, tt.at)
			if i < 0 {
				t.Fatalf("%q not in the changed entry", tt.at)
			}
			prefix := fmt.Sprintf("rules/data/exemptions.yaml:%d:", strings.Count(changed[:i], "\n")+1)
			want := max(tt.errors, 1)
			if n := strings.Count(err.Error(), "\n") + 1; n != want {
				t.Errorf("%d errors, want %d: %v", n, want, err)
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), prefix) {
				t.Errorf("got %v\nwant %s... %s", err, prefix, tt.want)
			}
			if !tt.rego {
				return
			}
			supplier := tt.supplier
			if supplier == nil {
				supplier = unicef
			}
			if got := exemptedBy(t, changed, exemptionEvent(supplier)); len(got) != 0 {
				t.Errorf("the rules let the refused entry exempt the event: %v", got)
			}
		})
	}
}
