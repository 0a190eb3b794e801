package evaluator_test

import (
	"bytes"
	"context"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/sanctions-dev/sanctions/config"
	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/compile"
	"github.com/sanctions-dev/sanctions/internal/events"
	"github.com/sanctions-dev/sanctions/internal/gen"
	"github.com/sanctions-dev/sanctions/internal/library"
	"github.com/sanctions-dev/sanctions/internal/testkit/testrules"
)

// loadRules loads the repository's rules with changes (a file's new content, or "" to delete it).
func loadRules(t *testing.T, changes map[string]string) (*evaluator.Engine, error) {
	t.Helper()
	return loadWith(t, changes, evaluator.Options{})
}

// loadWith is loadRules with options.
func loadWith(t *testing.T, changes map[string]string, opts evaluator.Options) (*evaluator.Engine, error) {
	t.Helper()
	opts.Sources = []library.Source{{Name: "rules", FS: testrules.FS(t, changes)}}
	return evaluator.Load(context.Background(), opts)
}

const header = `# METADATA
# title: Test rule
# description: A rule for tests.
# scope: package
# schemas:
#   - input: schema.event
# related_resources:
#   - ref: https://docs.un.org/en/S/RES/1718(2006)
# custom:
#   id: TEST-RULE
#   regime: DPRK
#   category: arms_embargo
#   severity: low
#   citations:
#     - {resolution: 1718 (2006), paragraph: "8", summary: s, url: "https://docs.un.org/en/S/RES/1718(2006)", in_force: "2006-10-14"}
package sanctions.dprk.test_rule

import data.sanctions.lib

`

func TestLoadErrorsNameFileLineColumn(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"unknown input field", "finding contains f if {\n\tinput.suplier.country == \"KP\"\n\tf := lib.finding(rego.metadata.chain(), {\"facts\": [], \"items\": [], \"review\": []})\n}\n",
			"rules/sanctions/dprk/test_rule/test_rule.rego:21:2: rego_type_error: undefined ref: input.suplier.country"},
		{"unknown nested field", "finding contains f if {\n\tsome it in input.items\n\tit.categry == \"ammunition\"\n\tf := lib.finding(rego.metadata.chain(), {\"facts\": [], \"items\": [], \"review\": []})\n}\n",
			"rules/sanctions/dprk/test_rule/test_rule.rego:22:2: rego_type_error: undefined ref: it.categry"},
		{"syntax error", "finding contains f if {\n\tf := \n}\n", "rules/sanctions/dprk/test_rule/test_rule.rego:22:"},
		{"unused variable (strict)", "finding contains f if {\n\tx := 1\n\tf := lib.finding(rego.metadata.chain(), {\"facts\": [], \"items\": [], \"review\": []})\n}\n",
			"rules/sanctions/dprk/test_rule/test_rule.rego:21:2: rego_compile_error: assigned var x unused"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadRules(t, map[string]string{"sanctions/dprk/test_rule/test_rule.rego": header + tt.body})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v\nwant %s", err, tt.want)
			}
		})
	}
}

func TestRefusedBuiltins(t *testing.T) {
	for _, call := range []string{
		`http.send({"method": "GET", "url": "http://example.org"})`,
		`net.lookup_ip_addr("example.org")`,
		`time.now_ns()`,
		`rand.intn("x", 10)`,
		`uuid.rfc4122("x")`,
		`opa.runtime()`,
		`crypto.x509.parse_and_verify_certificates("x")`,
		`crypto.x509.parse_and_verify_certificates_with_options("x", {})`,
	} {
		t.Run(strings.SplitN(call, "(", 2)[0], func(t *testing.T) {
			body := "finding contains f if {\n\tx := " + call + "\n\tx != null\n\tf := lib.finding(rego.metadata.chain(), {\"facts\": [], \"items\": [], \"review\": []})\n}\n"
			_, err := loadRules(t, map[string]string{"sanctions/dprk/test_rule/test_rule.rego": header + body})
			if err == nil || !strings.Contains(err.Error(), "test_rule.rego:21:7") || !strings.Contains(err.Error(), "undefined function") {
				t.Errorf("got %v, want the call refused at test_rule.rego:21:7", err)
			}
		})
	}
}

// TestAllowedBuiltinsAreAudited: the builtins rules may call are exactly those of
// testdata/allowed-builtins.txt, each read for whether it reaches the network, the clock, the
// environment, randomness or files. A new OPA that adds a builtin fails here until someone has
// read what it does and added it to the list (or to compile.Refused).
func TestAllowedBuiltinsAreAudited(t *testing.T) {
	var got []string
	for _, b := range compile.Capabilities().Builtins {
		got = append(got, b.Name)
	}
	sort.Strings(got)
	data, err := os.ReadFile(filepath.Join("testdata", "allowed-builtins.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			want = append(want, line)
		}
	}
	sort.Strings(want)
	gotSet, wantSet := map[string]bool{}, map[string]bool{}
	for _, n := range got {
		gotSet[n] = true
	}
	for _, n := range want {
		wantSet[n] = true
	}
	for _, n := range got {
		if !wantSet[n] {
			t.Errorf("%s is allowed but not audited: read what it does, then add it to testdata/allowed-builtins.txt or to compile.Refused", n)
		}
	}
	for _, n := range want {
		if !gotSet[n] {
			t.Errorf("%s is in testdata/allowed-builtins.txt but not allowed (refused, or gone from OPA)", n)
		}
	}
}

func TestMetadataIsRequired(t *testing.T) {
	noSeverity := strings.Replace(header, "#   severity: low\n", "", 1)
	_, err := loadRules(t, map[string]string{"sanctions/dprk/test_rule/test_rule.rego": noSeverity +
		"finding contains f if {\n\tf := lib.finding(rego.metadata.chain(), {\"facts\": [], \"items\": [], \"review\": []})\n}\n"})
	want := "rules/sanctions/dprk/test_rule/test_rule.rego:1:1: METADATA of data.sanctions.dprk.test_rule: missing custom.severity"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}

// seedEvents reads the seed fixture's events as written, without validating or normalising them.
func seedEvents(t *testing.T) []*events.Event {
	t.Helper()
	f, err := os.Open("../fixtures/seed/efe-2024-01-15.yaml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var evs []*events.Event
	_, err = events.Decode(context.Background(), events.Input{Name: f.Name(), Reader: f, Format: events.YAML}, config.DefaultLimits(),
		func(r events.Record) error {
			if r.Event == nil {
				t.Fatalf("decode: %v", r.Problem)
			}
			evs = append(evs, r.Event)
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	return evs
}

func TestRuleErrorIsReportedAndOtherFindingsKept(t *testing.T) {
	body := "finding contains f if {\n\tto_number(input.summary) > 0\n\tf := lib.finding(rego.metadata.chain(), {\"facts\": [], \"items\": [], \"review\": []})\n}\n"
	ev, err := loadRules(t, map[string]string{"sanctions/dprk/test_rule/test_rule.rego": header + body})
	if err != nil {
		t.Fatal(err)
	}
	var missiles *events.Event
	for _, e := range seedEvents(t) {
		if e.ID == "seed-ru-fires-kp-missiles" {
			missiles = e
		}
	}
	v := ev.Judge(context.Background(), missiles)
	fs, errs := v.Findings, v.Failed
	if len(errs) != 1 || errs[0].RuleID != "TEST-RULE" || !strings.Contains(errs[0].Message, "test_rule.rego:21:2: eval_builtin_error: to_number") {
		t.Errorf("errors: %v", errs)
	}
	if len(fs) != 1 || fs[0].RuleID != "DPRK-ARMS-EXPORT" {
		t.Errorf("findings: %+v, want DPRK-ARMS-EXPORT kept", fs)
	}
}

// TestSameFindingsUnderPlainOPA evaluates the rules with OPA's defaults (no schema, no strict
// mode, no normalisation of the events by Go) and expects the same findings as the checker:
// findings are built entirely in Rego, so `opa eval` and an OPA server give them too.
func TestSameFindingsUnderPlainOPA(t *testing.T) {
	ctx := context.Background()
	ev, err := evaluator.Load(ctx, evaluator.Options{Sources: []library.Source{{Name: "rules", FS: os.DirFS("../rules")}}})
	if err != nil {
		t.Fatal(err)
	}
	plain := testrules.PlainOPA(t, ev.Library())
	total := 0
	evs := fixtureEvents(t)
	if len(evs) < 38 {
		t.Fatalf("only %d fixture events", len(evs))
	}
	r := rand.New(rand.NewPCG(7, 7))
	for i := range 1500 {
		b, _ := json.Marshal(gen.Event(r, i))
		var doc map[string]any
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.UseNumber()
		if err := dec.Decode(&doc); err != nil {
			t.Fatal(err)
		}
		evs = append(evs, &events.Event{ID: doc["id"].(string), Doc: doc})
	}
	for _, raw := range evs {
		got := plain(raw.Doc)
		v := ev.Judge(ctx, raw)
		want := v.Findings
		if len(v.Rejected) > 0 || len(v.Failed) > 0 {
			t.Fatal(v.Rejected, v.Failed)
		}
		if !reflect.DeepEqual(ids(got), ids(want)) || !reflect.DeepEqual(got, want) {
			g, _ := json.MarshalIndent(got, "", " ")
			w, _ := json.MarshalIndent(want, "", " ")
			t.Errorf("%s: plain OPA gives %v, the checker %v\nplain:   %s\nchecker: %s", raw.ID, ids(got), ids(want), g, w)
		}
		total += len(want)
	}
	if total < 200 {
		t.Errorf("only %d findings on the fixture and generated events", total)
	}
}

// fixtureEvents decodes every event of the shipped fixtures, as written (names not yet
// normalised).
func fixtureEvents(t *testing.T) []*events.Event {
	t.Helper()
	files, err := filepath.Glob("../fixtures/*/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixture files: %v", err)
	}
	var evs []*events.Event
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		_, err = events.Decode(context.Background(), events.Input{Name: name, Reader: f, Format: events.YAML}, config.DefaultLimits(),
			func(r events.Record) error {
				if r.Event == nil {
					t.Fatalf("decode: %v", r.Problem)
				}
				evs = append(evs, r.Event)
				return nil
			})
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	return evs
}

func ids(fs []evaluator.Finding) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, f.RuleID)
	}
	sort.Strings(out)
	return out
}

func TestCapabilities(t *testing.T) {
	caps := compile.Capabilities()
	names := map[string]bool{}
	for _, b := range caps.Builtins {
		names[b.Name] = true
	}
	for _, refused := range []string{"http.send", "net.lookup_ip_addr", "opa.runtime", "time.now_ns", "rand.intn", "uuid.rfc4122", "io.jwt.decode_verify"} {
		if names[refused] {
			t.Errorf("%s is allowed", refused)
		}
	}
	for _, kept := range []string{"sprintf", "regex.replace", "object.union", "numbers.range", "time.parse_rfc3339_ns", "net.cidr_contains", "net.cidr_merge"} {
		if !names[kept] {
			t.Errorf("%s is refused", kept)
		}
	}
	if len(caps.AllowNet) != 0 || caps.AllowNet == nil {
		t.Errorf("AllowNet = %v, want empty (no host)", caps.AllowNet)
	}
}

func TestDuplicateRuleIDsAreRefused(t *testing.T) {
	dup := strings.Replace(header, "id: TEST-RULE", "id: DPRK-ARMS-EXPORT", 1) +
		"finding contains f if {\n\tf := lib.finding(rego.metadata.chain(), {\"facts\": [], \"items\": [], \"review\": []})\n}\n"
	_, err := loadRules(t, map[string]string{"sanctions/dprk/test_rule/test_rule.rego": dup})
	want := "rules/sanctions/dprk/test_rule/test_rule.rego:1:1: rule id DPRK-ARMS-EXPORT is already used by data.sanctions.dprk.arms_export"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v\nwant %s", err, want)
	}
}

func TestShippedLibraryHasEveryMeasure(t *testing.T) {
	ev, err := loadRules(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, r := range ev.Rules() {
		ids[r.ID] = true
	}
	// The rows of the domain reference (docs/rules.md lists them with their citations).
	for _, id := range []string{"DPRK-ARMS-EXPORT", "DPRK-ARMS-IMPORT", "DPRK-WMD-MISSILE-ITEMS", "DPRK-TECH-ASSIST",
		"DPRK-SCI-TECH-COOP", "DPRK-SPECIALIZED-TRAINING", "DPRK-BALLISTIC-LAUNCH", "DPRK-LUXURY-GOODS", "DPRK-FINANCIAL",
		"DPRK-SECTORAL-EXPORT", "DPRK-SECTORAL-IMPORT", "DPRK-PETROLEUM-CAP", "DPRK-MARITIME-STS", "DPRK-OVERSEAS-WORKERS",
		"DPRK-JOINT-VENTURES", "DPRK-DESIGNATED", "DPRK-BANKING"} {
		if !ids[id] {
			t.Errorf("no rule %s", id)
		}
	}
}
