package library_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/sanctions-dev/sanctions/internal/compile"
	"github.com/sanctions-dev/sanctions/internal/library"
	"github.com/sanctions-dev/sanctions/internal/phrase"
	"github.com/sanctions-dev/sanctions/internal/testkit/testrules"
)

func TestLoadShippedRules(t *testing.T) {
	lib := testrules.Library(t)
	if lib.Countries["north korea"] != "KP" || lib.Countries["pyongyang"] != "KP" || lib.Countries["kp"] != "KP" {
		t.Errorf("country index lacks North Korea's names")
	}
	phrases := lib.Data["index"].(map[string]any)["phrases"].(map[string]any)
	for k, want := range map[string]string{"artillery round": "ammunition", "artillery rounds": "ammunition", "kn 23": "ballistic_missile", "iron ore": "iron_ore"} {
		if phrases[k] != want {
			t.Errorf("phrase %q: %v, want %s", k, phrases[k], want)
		}
	}
	if n := len(phrases); n < 300 {
		t.Errorf("only %d phrases in the index", n)
	}
}

func TestTableErrorsNameTheLine(t *testing.T) {
	tax, err := os.ReadFile(testrules.Dir() + "/data/taxonomy.yaml")
	if err != nil {
		t.Fatal(err)
	}
	countries, err := os.ReadFile(testrules.Dir() + "/data/countries.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, file, from, to, want string
		at                         string // the text the error must point at (its line)
	}{
		{"duplicate phrase", "data/taxonomy.yaml", "phrases: [coal,", "phrases: [artillery round, coal,",
			`"artillery round" is already a phrase of`, "phrases: [artillery round, coal,"},
		{"category the schema lacks", "data/taxonomy.yaml", "  nickel:\n", "  nickle:\n",
			`field categories.nickle: "nickle" is not an item category of the event schema`, "  nickle:"},
		{"undeclared group", "data/taxonomy.yaml", "groups: [arms, salw]\n    phrases: [small arms,", "groups: [arms, smallarms]\n    phrases: [small arms,",
			`smallarms is not a group declared under groups`, "groups: [arms, smallarms]"},
		{"bad country code", "data/countries.yaml", "KP:\n", "Nk:\n  name: x\nKP:\n", `"Nk" is not an ISO 3166-1 alpha-2 code`, "Nk:"},
		{"alias of two countries", "data/countries.yaml", `"Pyongyang",`, `"Pyongyang", "Moscow",`, `"Moscow" already names KP`, `"Russia", "Moscow"`},
		{"yaml syntax", "data/countries.yaml", "KP:\n", "KP: [\n", "invalid YAML", "KP: ["},
		{"place of two countries", "data/countries.yaml", `places: ["Vostochny",`, `places: ["Nampo", "Vostochny",`, `place "Nampo" is already in KP`, `places: ["Nampo", "Vostochny",`},
		{"place that names a country", "data/countries.yaml", `places: ["Dandong",`, `places: ["Moscow", "Dandong",`, `place "Moscow" is a name of RU`, `places: ["Moscow", "Dandong",`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			orig := tax
			if strings.HasSuffix(tt.file, "countries.yaml") {
				orig = countries
			}
			changed := strings.Replace(string(orig), tt.from, tt.to, 1)
			if changed == string(orig) {
				t.Fatalf("%q not in %s", tt.from, tt.file)
			}
			_, err := library.Load(context.Background(), library.Source{Name: "rules", FS: testrules.FS(t, map[string]string{tt.file: changed})})
			if err == nil {
				t.Fatal("loaded")
			}
			prefix := "rules/" + tt.file + ":"
			if tt.at != "" {
				prefix += fmt.Sprintf("%d:", strings.Count(changed[:strings.Index(changed, tt.at)], "\n")+1)
			}
			if n := strings.Count(err.Error(), "\n") + 1; n != 1 {
				t.Errorf("%d errors, want 1: %v", n, err)
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), prefix) {
				t.Errorf("got %v\nwant %s... %s", err, prefix, tt.want)
			}
		})
	}
}

func TestMissingPieces(t *testing.T) {
	for name, want := range map[string]string{
		"schema/event.json":  "no event schema",
		"data/taxonomy.yaml": "no item taxonomy",
	} {
		_, err := library.Load(context.Background(), library.Source{Name: "rules", FS: testrules.FS(t, map[string]string{name: ""})})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("without %s: %v", name, err)
		}
	}
}

// TestWordsMatchRego keeps Go's phrase normalisation (used to build the indexes) and the rules'
// (sanctions.lib.words, used to look phrases up) in step.
func TestWordsMatchRego(t *testing.T) {
	ctx := context.Background()
	c, err := compile.Rules(testrules.Library(t), false)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"KN-23", "Hwasong-11A/B", "152mm and 122 mm shells", "  D.P.R.K.  ", "Côte d'Ivoire", "ÉCOLE", "", "--", "T-72B3M tanks", "kerosene-type rocket fuel"} {
		lit, _ := json.Marshal(s)
		q, err := rego.New(rego.Compiler(c), rego.Query("x := data.sanctions.lib.words("+string(lit)+")")).Eval(ctx)
		if err != nil || len(q) == 0 {
			t.Fatalf("%q: %v", s, err)
		}
		var got []string
		for _, w := range q[0].Bindings["x"].([]any) {
			got = append(got, w.(string))
		}
		if want := phrase.Words(s); !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Errorf("%q: Rego %q, Go %q", s, got, want)
		}
	}
}

// TestNameKeysMatchRego keeps the keys of designated names (library.NameKeys, which build the
// index) and of party names (sanctions.lib.name_keys, which look it up) in step, on every name
// and alias of the shipped designations table and on the variants reports write.
func TestNameKeysMatchRego(t *testing.T) {
	ctx := context.Background()
	lib := testrules.Library(t)
	c, err := compile.Rules(lib, false)
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"Tanch'on Commercial Bank", "Tanch\u2019on Commercial Bank", "TANCHON COMMERCIAL BANK",
		"Korea Mining Development Trading Corp.", "Korea Ryon-bong General Co., Ltd.", "Co.", "KOMID", "", "--",
		"Chinpo Shipping Company (Private) Limited", "Inc", "Korea Intl Chemical Joint Venture Co", "THE HOUTHIS", "The", "the Houthis"}
	table, _ := lib.Data["designations"].(map[string]any)
	list, _ := table["designations"].([]any)
	for _, x := range list {
		d := x.(map[string]any)
		names = append(names, d["name"].(string))
		aliases, _ := d["aliases"].([]any)
		for _, a := range aliases {
			names = append(names, a.(string))
		}
	}
	if len(names) < 40 {
		t.Fatalf("only %d names", len(names))
	}
	q, err := rego.New(rego.Compiler(c), rego.Query("x := [sort(data.sanctions.lib.name_keys(n)) | some n in input]")).PrepareForEval(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := q.Eval(ctx, rego.EvalInput(names))
	if err != nil || len(rs) == 0 {
		t.Fatalf("%v", err)
	}
	for i, keys := range rs[0].Bindings["x"].([]any) {
		var got []string
		for _, k := range keys.([]any) {
			got = append(got, k.(string))
		}
		if want := library.NameKeys(names[i]); !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Errorf("%q: Rego %q, Go %q", names[i], got, want)
		}
	}
}
