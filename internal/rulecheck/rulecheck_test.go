package rulecheck_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/sanctions-dev/sanctions/internal/library"
	"github.com/sanctions-dev/sanctions/internal/rulecheck"
	"github.com/sanctions-dev/sanctions/internal/testkit/testrules"
)

// TestShippedLibraryIsClean: the rules directory and the copy embedded in the binary pass every
// check (what `sanctions rules check` runs with no --rules).
func TestShippedLibraryIsClean(t *testing.T) {
	for _, src := range []library.Source{testrules.Source(), library.Embedded()} {
		r, err := rulecheck.Check(context.Background(), src)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range r.Problems {
			t.Errorf("%s: %s", src.Name, p.Error())
		}
		if r.RegoFiles < 20 || r.Rules < 10 {
			t.Errorf("%s: only %d Rego files and %d rules checked", src.Name, r.RegoFiles, r.Rules)
		}
	}
}

// change is one edit of a file of the library: the first from in file becomes to; want is the
// problem it must cause, at the line of at in the changed file.
type change struct {
	file, from, to string
	at, want       string
}

func (c change) apply(t *testing.T, files map[string]string) {
	t.Helper()
	orig, ok := files[c.file]
	if !ok {
		data, err := os.ReadFile(testrules.Dir() + "/" + c.file)
		if err != nil {
			t.Fatal(err)
		}
		orig = string(data)
	}
	changed := strings.Replace(orig, c.from, c.to, 1)
	if changed == orig {
		t.Fatalf("%q is not in %s", c.from, c.file)
	}
	files[c.file] = changed
}

// prefix is where the problem must be: rules/FILE:LINE:.
func (c change) prefix(files map[string]string) string {
	text := files[c.file]
	return fmt.Sprintf("rules/%s:%d:", c.file, strings.Count(text[:strings.Index(text, c.at)], "\n")+1)
}

var (
	unformatted = change{file: "sanctions/dprk/luxury_goods/luxury_goods.rego", from: "finding contains f if {",
		to: "\n\nfinding contains f if {", at: "\n\nfinding contains f if {", want: "not in opa fmt style"}
	unusedVar = change{file: "sanctions/dprk/banking/banking.rego", from: "finding contains f if {\n",
		to: "finding contains f if {\n\tunused := 1\n", at: "\tunused := 1", want: "rego_compile_error: assigned var unused unused"}
	unusedImport = change{file: "sanctions/dprk/banking/banking_test.rego", from: "import data.sanctions.lib.testing\n",
		to: "import data.sanctions.lib.testing\nimport data.sanctions.lib.zzz\n", at: "import data.sanctions.lib.zzz", want: "rego_compile_error: import data.sanctions.lib.zzz unused"}
	badSeverity = change{file: "sanctions/dprk/arms_export/arms_export.rego", from: "#   severity: high", to: "#   severity: hgh",
		at: "# METADATA", want: `custom.severity "hgh" is not one of critical, high, medium, low, info`}
	refusedBuiltin = change{file: "sanctions/dprk/banking/banking.rego", from: "finding contains f if {\n",
		to: "finding contains f if {\n\thttp.send({\"method\": \"get\", \"url\": \"x\"})\n", at: "\thttp.send", want: "undefined function http.send"}
	badCountry = change{file: "data/countries.yaml", from: "KP:\n", to: "Nk:\n  name: x\nKP:\n", at: "Nk:", want: `"Nk" is not an ISO 3166-1 alpha-2 code`}
	notRego    = change{file: "sanctions/dprk/petroleum_cap/petroleum_cap.rego", from: "finding contains f if {", to: "finding contains f iff {",
		at: "finding contains f iff {", want: "rego_parse_error"}
)

// TestBrokenLibrary breaks a copy of the library in one or more ways at once and requires every
// problem to be reported, each at its file and line, and nothing else.
func TestBrokenLibrary(t *testing.T) {
	tests := []struct {
		name    string
		changes []change
	}{
		{"a file not in opa fmt style", []change{unformatted}},
		{"an unused variable", []change{unusedVar}},
		{"an unused import in a test", []change{unusedImport}},
		{"METADATA outside the vocabulary", []change{badSeverity}},
		{"a refused builtin", []change{refusedBuiltin}},
		{"Rego that does not parse", []change{notRego}},
		// A problem in a data table, which every rule depends on, hides no other; nor does one
		// rule's METADATA hide its Rego.
		{"every problem at once", []change{unformatted, unusedVar, unusedImport, badSeverity, badCountry}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{}
			for _, c := range tt.changes {
				c.apply(t, files)
			}
			r, err := rulecheck.Check(context.Background(), library.Source{Name: "rules", FS: testrules.FS(t, files)})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range r.Problems {
				got = append(got, p.Error())
			}
			all := strings.Join(got, "\n")
			if len(got) != len(tt.changes) {
				t.Errorf("%d problems, want %d:\n%s", len(got), len(tt.changes), all)
			}
			for _, c := range tt.changes {
				found := false
				for _, g := range got {
					if strings.HasPrefix(g, c.prefix(files)) && strings.Contains(g, c.want) {
						found = true
					}
				}
				if !found {
					t.Errorf("no problem %s ... %s in:\n%s", c.prefix(files), c.want, all)
				}
			}
		})
	}
}

// TestFormatDiff: a file not in opa fmt style comes with the lines that differ, as written and
// as opa fmt writes them, after the line above.
func TestFormatDiff(t *testing.T) {
	c := change{file: "sanctions/dprk/luxury_goods/luxury_goods.rego", from: "finding contains f if {\n", to: "finding   contains f if {\n"}
	files := map[string]string{}
	c.apply(t, files)
	r, err := rulecheck.Check(context.Background(), library.Source{Name: "rules", FS: testrules.FS(t, files)})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Problems) != 1 {
		t.Fatalf("got %v", r.Problems)
	}
	want := []string{" ", "-finding   contains f if {", "+finding contains f if {"}
	if got := r.Problems[0].Diff; strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diff %q, want %q", got, want)
	}
}

// TestCancelled: a cancelled check is an error, not a report.
func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := rulecheck.Check(ctx, testrules.Source()); err == nil {
		t.Error("no error")
	}
}
