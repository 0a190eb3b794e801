package report_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/library"
	"github.com/sanctions-dev/sanctions/internal/report"
	"github.com/sanctions-dev/sanctions/internal/testkit/testrules"
)

// libraryOptions are the options a check with the shipped rule library renders with: the
// colours of the categories come from its metadata schema, as `sanctions check` passes them.
func libraryOptions(t testing.TB) report.Options {
	t.Helper()
	lib := testrules.Library(t)
	return report.Options{CategoryColours: lib.CategoryColours(), CategoryLabels: lib.CategoryTitles()}
}

// cyberRule is a rule of a category the shipped library does not have; it fires on every
// transfer.
const cyberRule = `# METADATA
# title: Cyber test rule
# description: A rule of a new category.
# scope: package
# custom:
#   id: DPRK-CYBER-TEST
#   category: cyber
#   severity: high
#   citations:
#     - {resolution: 1718 (2006), paragraph: "8", summary: s, url: "https://docs.un.org/en/S/RES/1718(2006)", in_force: "2006-10-14"}
package sanctions.dprk.cyber

import data.sanctions.lib

finding contains f if {
	input.type == "transfer"
	f := lib.finding(rego.metadata.chain(), {"facts": [], "items": [], "review": []})
}
`

// withCategory is the shipped metadata schema with one more category.
func withCategory(t *testing.T, name, colour string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(testrules.Dir(), library.MetadataSchemaFile))
	if err != nil {
		t.Fatal(err)
	}
	var schema map[string]any
	if err := json.Unmarshal(data, &schema); err != nil {
		t.Fatal(err)
	}
	custom := schema["properties"].(map[string]any)["custom"].(map[string]any)
	category := custom["properties"].(map[string]any)["category"].(map[string]any)
	category["oneOf"] = append(category["oneOf"].([]any), map[string]any{"const": name, "title": "Cyber", "x-colour": colour})
	out, err := json.Marshal(schema)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// TestLibraryAddsACategory: editing the library is enough to add a category. With the category
// in the metadata schema, a rule of it loads, and the HTML report colours its findings as the
// schema says; without it, the rule does not load.
func TestLibraryAddsACategory(t *testing.T) {
	ctx := context.Background()
	const colour = "#0a1b2c"
	load := func(changes map[string]string) (*evaluator.Engine, error) {
		return evaluator.Load(ctx, evaluator.Options{Sources: []library.Source{{Name: "rules", FS: testrules.FS(t, changes)}}})
	}
	rule := map[string]string{"sanctions/dprk/cyber/cyber.rego": cyberRule}
	if _, err := load(rule); err == nil || !strings.Contains(err.Error(), `custom.category "cyber" is not one of`) {
		t.Fatalf("a category the schema lacks: %v", err)
	}
	rule[library.MetadataSchemaFile] = withCategory(t, "cyber", colour)
	eng, err := load(rule)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range eng.Rules() {
		found = found || (r.ID == "DPRK-CYBER-TEST" && r.Category == "cyber" && r.Regime == "DPRK")
	}
	if !found {
		t.Fatal("DPRK-CYBER-TEST is not among the rules, of category cyber and regime DPRK")
	}
	t.Chdir(filepath.Join(testrules.Dir(), ".."))
	rep, err := testrules.Check("fixtures/seed").Run(ctx, eng)
	if err != nil {
		t.Fatal(err)
	}
	r, err := report.Lookup("html", report.Options{CategoryColours: eng.Library().CategoryColours(), CategoryLabels: eng.Library().CategoryTitles()})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := r.Render(&buf, rep); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`fill="` + colour + `"><title>`, "border-left-color: " + colour, `<option value="cyber">Cyber</option>`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("the report lacks %s", want)
		}
	}
}
