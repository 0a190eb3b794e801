package library_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/library"
	"github.com/sanctions-dev/sanctions/internal/testkit/testrules"
)

// bareRule is a rule whose METADATA leaves out what the loader derives: the schema, the regime
// and the related resources.
const bareRule = `# METADATA
# title: Test rule
# description: A rule for tests.
# scope: package
# custom:
#   id: TEST-RULE
#   category: arms_embargo
#   severity: low
` + citations + `package sanctions.dprk.test_rule

import data.sanctions.lib

finding contains f if {
	input.type == "transfer"
	f := lib.finding(rego.metadata.chain(), {"facts": [], "items": [], "review": []})
}
`

// citations are bareRule's.
const citations = `#   citations:
#     - {resolution: 1874 (2009), paragraph: "9", summary: s, url: "https://docs.un.org/en/S/RES/1874(2009)", in_force: "2009-06-12"}
#     - {resolution: 1718 (2006), paragraph: "8", summary: s, url: "https://docs.un.org/en/S/RES/1718(2006)", in_force: "2006-10-14"}
`

const testRuleFile = "sanctions/dprk/test_rule/test_rule.rego"

func loadRule(t *testing.T, file, rule string) (*library.Library, error) {
	t.Helper()
	return library.Load(context.Background(), library.Source{Name: "rules", FS: testrules.FS(t, map[string]string{file: rule})})
}

// TestMetadataProblems: each METADATA the metadata schema (or a derivation) refuses is refused
// with the file, the line of the METADATA, the rule's package and what is wrong, in words.
func TestMetadataProblems(t *testing.T) {
	const at = "rules/" + testRuleFile + ":1:1: METADATA of data.sanctions.dprk.test_rule: "
	for _, tt := range []struct{ name, from, to, want string }{
		{"no title", "# title: Test rule\n", "", "missing title"},
		{"no severity", "#   severity: low\n", "", "missing custom.severity"},
		{"an unknown category", "category: arms_embargo", "category: cyber", `custom.category "cyber" is not one of arms_embargo, missile_programme,`},
		{"an unknown severity", "severity: low", "severity: severe", `custom.severity "severe" is not one of critical, high, medium, low, info`},
		{"a bad id", "id: TEST-RULE", "id: test", `custom.id "test" is not an id like DPRK-ARMS-EXPORT`},
		{"an unknown key", "#   severity: low\n", "#   severity: low\n#   tags: [x]\n", `custom: unknown key "tags"`},
		{"no citations", citations, "#   citations: []\n", "missing custom.citations"},
		{"a citation without a paragraph", `paragraph: "9", `, "", "custom.citations[0] lacks paragraph"},
		{"an unquoted date", `in_force: "2009-06-12"`, "in_force: 2009-06-12", `custom.citations[0].in_force "2009-06-12T00:00:00Z" is not a date like 2006-10-14 (quote it in YAML)`},
		{"a direction", `in_force: "2009-06-12"}`, `in_force: "2009-06-12", direction: up}`, `custom.citations[0].direction "up" is not one of from_dprk, to_dprk, from_iran, to_iran, from_libya, to_libya`},
		{"covers not a list", `in_force: "2009-06-12"}`, `in_force: "2009-06-12", covers: arms}`, "custom.citations[0].covers is not a list of taxonomy groups"},
		{"an unknown citation key", `in_force: "2009-06-12"}`, `in_force: "2009-06-12", colour: red}`, `custom.citations[0]: unknown key "colour"`},
		{"another regime", "#   severity: low\n", "#   severity: low\n#   regime: IRAN\n", `custom.regime "IRAN" disagrees with the rule's folder, whose regime is DPRK`},
		{"another schema", "# scope: package\n", "# scope: package\n# schemas:\n#   - input: schema.other\n", "schemas[0]: a rule's input is an event"},
		{"a cited document left out", "# scope: package\n", "# scope: package\n# related_resources:\n#   - ref: https://docs.un.org/en/S/RES/1874(2009)\n",
			"related_resources lacks https://docs.un.org/en/S/RES/1718(2006), which a citation names"},
		{"another description", "# scope: package\n", "# scope: package\n# related_resources:\n#   - ref: https://docs.un.org/en/S/RES/1718(2006)\n#     description: S/RES/1718\n#   - ref: https://docs.un.org/en/S/RES/1874(2009)\n",
			`related_resources: https://docs.un.org/en/S/RES/1718(2006) is described as "S/RES/1718", its citations make it "S/RES/1718 (2006)"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rule := strings.Replace(bareRule, tt.from, tt.to, 1)
			if rule == bareRule {
				t.Fatalf("%q not in the rule", tt.from)
			}
			_, err := loadRule(t, testRuleFile, rule)
			if err == nil || !strings.HasPrefix(err.Error(), at+tt.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("got %v\nwant one problem: %s%s", err, at, tt.want)
			}
		})
	}
}

// TestRegimeFromFolder: the regime is the rule's folder in capitals, one of the metadata
// schema's regimes, and the package must be in that folder.
func TestRegimeFromFolder(t *testing.T) {
	narnia := strings.Replace(bareRule, "sanctions.dprk.", "sanctions.narnia.", 1)
	for file, want := range map[string]string{
		"sanctions/narnia/test_rule/test_rule.rego": `METADATA of data.sanctions.narnia.test_rule: custom.regime "NARNIA" is not one of the regimes of the metadata schema (DPRK, IRAN, YEMEN, LIBYA)`,
		"sanctions/dprk/test_rule/test_rule.rego":   "METADATA of data.sanctions.narnia.test_rule: package data.sanctions.narnia.test_rule is in the folder sanctions/dprk/test_rule",
	} {
		if _, err := loadRule(t, file, narnia); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v\nwant %s", file, err, want)
		}
	}
}

// TestDerivedMetadata: the loader completes a METADATA that leaves out what it derives, and a
// rule that declares its related resources keeps them as written; the compiled rule is still
// type-checked against the event schema.
func TestDerivedMetadata(t *testing.T) {
	ctx := context.Background()
	load := func(rule string) (*evaluator.Engine, error) {
		return evaluator.Load(ctx, evaluator.Options{Sources: []library.Source{{Name: "rules", FS: testrules.FS(t, map[string]string{testRuleFile: rule})}}})
	}
	ruleOf := func(eng *evaluator.Engine, id string) evaluator.Rule {
		for _, r := range eng.Rules() {
			if r.ID == id {
				return r
			}
		}
		t.Fatalf("no rule %s", id)
		return evaluator.Rule{}
	}
	eng, err := load(bareRule)
	if err != nil {
		t.Fatal(err)
	}
	r := ruleOf(eng, "TEST-RULE")
	want := []evaluator.Resource{{Ref: "https://docs.un.org/en/S/RES/1718(2006)", Description: "S/RES/1718 (2006)"},
		{Ref: "https://docs.un.org/en/S/RES/1874(2009)", Description: "S/RES/1874 (2009)"}}
	if r.Regime != "DPRK" || !reflect.DeepEqual(r.Resources, want) {
		t.Errorf("regime %q, resources %v; want DPRK, %v", r.Regime, r.Resources, want)
	}
	declared := strings.Replace(bareRule, "# scope: package\n", "# scope: package\n# related_resources:\n#   - ref: https://docs.un.org/en/S/RES/1874(2009)\n"+
		"#   - ref: https://docs.un.org/en/S/RES/1718(2006)\n#   - ref: https://docs.un.org/en/S/PRST/2012/13\n#     description: S/PRST/2012/13\n", 1)
	if eng, err = load(declared); err != nil {
		t.Fatal(err)
	}
	want = []evaluator.Resource{want[1], want[0], {Ref: "https://docs.un.org/en/S/PRST/2012/13", Description: "S/PRST/2012/13"}}
	if got := ruleOf(eng, "TEST-RULE").Resources; !reflect.DeepEqual(got, want) {
		t.Errorf("declared resources %v, want %v", got, want)
	}
	typo := strings.Replace(bareRule, `input.type == "transfer"`, `input.typ == "transfer"`, 1)
	if _, err := load(typo); err == nil || !strings.Contains(err.Error(), "rego_type_error: undefined ref: input.typ") {
		t.Errorf("a misspelled field without `schemas:`: %v", err)
	}
}

// TestKeepGoingSetsAsideBadMetadata: under KeepGoing a rule whose METADATA is refused is left
// out with why, and the rest loads.
func TestKeepGoingSetsAsideBadMetadata(t *testing.T) {
	lib, err := library.LoadWith(context.Background(), library.Options{KeepGoing: true}, library.Source{Name: "rules",
		FS: testrules.FS(t, map[string]string{testRuleFile: strings.Replace(bareRule, "severity: low", "severity: severe", 1)})})
	if err != nil {
		t.Fatal(err)
	}
	if len(lib.SetAside) != 1 || lib.SetAside[0].RuleID != "TEST-RULE" || !strings.Contains(lib.SetAside[0].Message, "custom.severity") {
		t.Errorf("set aside: %v", lib.SetAside)
	}
	if _, ok := lib.Modules["rules/"+testRuleFile]; ok {
		t.Error("the rule is still loaded")
	}
}

// TestTableWithoutSchema: every data table has its schema.
func TestTableWithoutSchema(t *testing.T) {
	_, err := loadRule(t, "data/extra.yaml", "a: [b]\n")
	if want := `rules/data/extra.yaml: data table "extra" has no schema (schema/data/extra.json)`; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

// TestVocabularyInStep keeps the words the Go code knows in step with the library's schemas:
// the severities the checker ranks, the note of an unconfirmed paragraph, the claimant kinds.
func TestVocabularyInStep(t *testing.T) {
	read := func(file string) map[string]any {
		data, err := os.ReadFile(filepath.Join(testrules.Dir(), file))
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	get := func(v any, path ...string) any {
		for _, p := range path {
			v = v.(map[string]any)[p]
		}
		return v
	}
	meta := read(library.MetadataSchemaFile)
	var sev []any
	for _, s := range evaluator.Severities {
		sev = append(sev, string(s))
	}
	if got := get(meta, "properties", "custom", "properties", "severity", "enum"); !reflect.DeepEqual(got, sev) {
		t.Errorf("the schema's severities %v, the checker's %v", got, sev)
	}
	if got := get(meta, "$defs", "citation", "properties", "note", "then", "const"); got != evaluator.UnconfirmedNote {
		t.Errorf("the schema's unconfirmed note %q, the checker's %q", got, evaluator.UnconfirmedNote)
	}
	var kinds []any
	for _, k := range library.ClaimantKinds {
		kinds = append(kinds, k)
	}
	if got := get(read("schema/data/actors.json"), "additionalProperties", "properties", "kind", "enum"); !reflect.DeepEqual(got, kinds) {
		t.Errorf("the actors schema's kinds %v, ClaimantKinds %v", got, kinds)
	}
	cats := testrules.Library(t).Categories()
	if len(cats) != 9 || cats[0] != (library.Category{Name: "arms_embargo", Title: "Arms embargo", Colour: "#c0392b"}) {
		t.Errorf("categories: %v", cats)
	}
}

// TestCategoryTitles: every category of the metadata schema that has a title maps to it; one
// without a title is left out (a report then derives a label from its name).
func TestCategoryTitles(t *testing.T) {
	lib := testrules.Library(t)
	titles := lib.CategoryTitles()
	cats := lib.Categories()
	if len(titles) != len(cats) || len(cats) == 0 {
		t.Fatalf("%d titles for %d categories: %v", len(titles), len(cats), titles)
	}
	for _, c := range cats {
		if titles[c.Name] != c.Title || c.Title == "" {
			t.Errorf("%s: title %q, want the schema's %q", c.Name, titles[c.Name], c.Title)
		}
	}
	if got := titles["missile_programme"]; got != "Ballistic missile programme" {
		t.Errorf("missile_programme: %q", got)
	}
	data, err := os.ReadFile(filepath.Join(testrules.Dir(), library.MetadataSchemaFile))
	if err != nil {
		t.Fatal(err)
	}
	untitled := strings.Replace(string(data), `"title": "Ballistic missile programme",`, "", 1)
	if untitled == string(data) {
		t.Fatal("the metadata schema no longer titles missile_programme as this test expects")
	}
	lib, err = library.Load(context.Background(), library.Source{Name: "rules",
		FS: testrules.FS(t, map[string]string{library.MetadataSchemaFile: untitled})})
	if err != nil {
		t.Fatal(err)
	}
	titles = lib.CategoryTitles()
	if _, ok := titles["missile_programme"]; ok || titles["arms_embargo"] != "Arms embargo" {
		t.Errorf("without its title, missile_programme is still there, or the others are gone: %v", titles)
	}
}
