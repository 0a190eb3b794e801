package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestEventsExportOnStockOPA is the deployment docs/deploy.md describes, end to end with the
// built binary: `sanctions bundle` builds the bundle, a stock OPA server (the OPA CLI at the
// version in go.mod, `go tool opa`) serves it on loopback, and every fixture event, as
// `sanctions events export` writes it, is posted to /v1/data/sanctions/findings (the query the
// docs give; /v1/data/sanctions/exempted too). OPA must answer, for every event, exactly the
// findings and exempted findings `sanctions check --format json` reports for it.
//
// The normalisations, each because the two legitimately differ:
//   - the check report's findings carry "location" (the event's file and line), which the CLI
//     adds after evaluation; an exported event has no file, so it is removed before comparing;
//   - the order: OPA answers a set (sorted by OPA's value order), the report sorts findings by
//     severity and rule; both lists are sorted by their JSON text before comparing.
//
// Nothing else is touched: every other field of every finding, citations, reasoning, evidence,
// exemptions included, must be equal.
func TestEventsExportOnStockOPA(t *testing.T) {
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	binary, err := exec.LookPath("sanctions") // put on PATH by testscript.Main (TestMain)
	if err != nil {
		t.Fatal(err)
	}
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "SANCTIONS_") {
			env = append(env, kv)
		}
	}
	// sanctions runs the command in the repository, with its ./rules, as a user there would.
	sanctions := func(wantStatus int, args ...string) []byte {
		t.Helper()
		cmd := exec.Command(binary, args...)
		cmd.Dir, cmd.Env = repo, append(env, "NO_COLOR=1")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		status := 0
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			status = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if status != wantStatus {
			t.Fatalf("sanctions %s: exit %d, want %d\n%s", strings.Join(args, " "), status, wantStatus, stderr.String())
		}
		return out
	}
	start := time.Now()
	dir := t.TempDir()

	// The bundle, and the events as export writes them, in both formats.
	bundlePath := filepath.Join(dir, "sanctions.tar.gz")
	sanctions(0, "bundle", "-o", bundlePath)
	ndjson := sanctions(0, "events", "export", "--format", "ndjson", "fixtures")
	var exported []map[string]any
	for i, line := range bytes.Split(bytes.TrimSuffix(ndjson, []byte("\n")), []byte("\n")) {
		var ev map[string]any
		if err := json.Unmarshal(line, &ev); err != nil {
			t.Fatalf("events export --format ndjson, line %d: %v\n%s", i+1, err, line)
		}
		exported = append(exported, ev)
	}
	canonical(t, filepath.Join(repo, "rules", "schema", "event.json"), ndjson)
	var array []map[string]any
	if err := json.Unmarshal(sanctions(0, "events", "export", "--format", "json", "fixtures"), &array); err != nil {
		t.Fatalf("events export --format json: %v", err)
	}
	if !reflect.DeepEqual(array, exported) {
		t.Fatalf("events export --format json and --format ndjson give different events")
	}

	// What sanctions check reports, by event id: on the fixtures, and on the exported events
	// (which must be valid inputs that give the same report).
	checked := checkReport(t, sanctions(1, "check", "--format", "json", "fixtures"))
	exportFile := filepath.Join(dir, "events.ndjson")
	if err := os.WriteFile(exportFile, ndjson, 0o644); err != nil {
		t.Fatal(err)
	}
	if again := checkReport(t, sanctions(1, "check", "--format", "json", exportFile)); !reflect.DeepEqual(again, checked) {
		t.Errorf("sanctions check on the exported events does not give the report it gives on the fixtures")
	}
	if len(exported) != len(checked) || len(exported) < 50 {
		t.Fatalf("export wrote %d events, check evaluated %d", len(exported), len(checked))
	}

	// A stock OPA server with the bundle.
	opaPath, err := exec.Command("go", "tool", "-n", "opa").Output()
	if err != nil {
		t.Fatalf("building the OPA CLI (go tool -n opa): %v", err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	opa := exec.Command(strings.TrimSpace(string(opaPath)), "run", "--server", "--addr", addr, "--log-level", "error", "--bundle", bundlePath)
	var opaLog tailBuffer
	opa.Stdout, opa.Stderr = &opaLog, &opaLog
	if err := opa.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		opa.Process.Kill()
		opa.Wait()
		if t.Failed() {
			t.Logf("OPA's log:\n%s", opaLog.String())
		}
	})
	base := "http://" + addr
	for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if resp, err := http.Get(base + "/health?bundles=true"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("OPA did not become healthy with the bundle within 60s")
		}
	}
	query := func(path string, ev map[string]any) []any {
		t.Helper()
		body, _ := json.Marshal(map[string]any{"input": ev})
		resp, err := http.Post(base+path, "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out struct {
			Result *[]any `json:"result"`
		}
		if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || resp.StatusCode != http.StatusOK || out.Result == nil {
			t.Fatalf("%s for %v: status %d, result %v, %v", path, ev["id"], resp.StatusCode, out.Result, err)
		}
		return *out.Result
	}

	findings := 0
	for _, ev := range exported {
		id, _ := ev["id"].(string)
		want, ok := checked[id]
		if !ok {
			t.Errorf("%s: exported, but not in the check report", id)
			continue
		}
		for _, kind := range []string{"findings", "exempted"} {
			got := sortedByJSON(query("/v1/data/sanctions/"+kind, ev))
			if exp := want[kind]; !reflect.DeepEqual(got, exp) {
				g, _ := json.MarshalIndent(got, "", "  ")
				w, _ := json.MarshalIndent(exp, "", "  ")
				t.Errorf("%s: OPA's %s are\n%s\nsanctions check's are\n%s", id, kind, g, w)
			}
			findings += len(got)
		}
	}
	if findings < 50 {
		t.Errorf("only %d findings in all: the fixtures should give more", findings)
	}
	t.Logf("%d events, %d findings and exempted findings, identical on OPA and in sanctions check (%v)", len(exported), findings, time.Since(start).Round(time.Millisecond))
}

// canonical requires every exported event (a line of ndjson) to be in the canonical form that
// docs/deploy.md promises, which the rules do not check for themselves (they read a year written
// as the number 2016 as the date "2016", so findings alone would not tell): valid against the
// event schema as JSON, every date a string (YYYY, YYYY-MM or YYYY-MM-DD), every country an
// ISO 3166-1 alpha-2 code.
func canonical(t *testing.T, schemaFile string, ndjson []byte) {
	t.Helper()
	f, err := os.Open(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(f)
	f.Close()
	if err != nil {
		t.Fatalf("%s: %v", schemaFile, err)
	}
	datePrefix := regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft7)
	c.AssertFormat()
	c.RegisterFormat(&jsonschema.Format{Name: "date-prefix", Validate: func(v any) error {
		if s, ok := v.(string); ok && !datePrefix.MatchString(s) {
			return fmt.Errorf("%q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		return nil
	}})
	if err := c.AddResource(schemaFile, doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	code := regexp.MustCompile(`^[A-Z]{2}$`)
	countries := 0
	var walk func(id string, v any)
	walk = func(id string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if k == "country" {
					countries++
					if s, ok := x.(string); !ok || !code.MatchString(s) {
						t.Errorf("%s: exported with country %v, not an ISO code", id, x)
					}
				}
				walk(id, x)
			}
		case []any:
			for _, x := range v {
				walk(id, x)
			}
		}
	}
	for i, line := range bytes.Split(bytes.TrimSuffix(ndjson, []byte("\n")), []byte("\n")) {
		ev, err := jsonschema.UnmarshalJSON(bytes.NewReader(line))
		if err != nil {
			t.Fatalf("events export, line %d: %v", i+1, err)
		}
		id := fmt.Sprintf("line %d", i+1)
		if m, ok := ev.(map[string]any); ok {
			id = fmt.Sprintf("%v", m["id"])
		}
		if err := schema.Validate(ev); err != nil {
			t.Errorf("%s: exported as JSON that the event schema refuses: %v", id, err)
		}
		walk(id, ev)
	}
	if countries < 50 {
		t.Errorf("only %d countries in the exported events: the fixtures have more", countries)
	}
}

// checkReport reads a JSON report: for each event id, its findings and exempted findings, each
// without "location" and sorted by JSON text (the normalisations of TestEventsExportOnStockOPA).
// A report with a rejected event or an error is refused.
func checkReport(t *testing.T, data []byte) map[string]map[string][]any {
	t.Helper()
	var rep struct {
		Results []struct {
			EventID  string `json:"event_id"`
			Findings []any  `json:"findings"`
			Exempted []any  `json:"exempted"`
		} `json:"results"`
		Summary struct {
			Rejected *int `json:"rejected"`
		} `json:"summary"`
		Errors []any `json:"errors"`
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatalf("the check report: %v", err)
	}
	if rep.Summary.Rejected == nil || *rep.Summary.Rejected > 0 || len(rep.Errors) > 0 {
		t.Fatalf("the check report has rejected events or errors:\n%s", data)
	}
	out := map[string]map[string][]any{}
	for _, r := range rep.Results {
		if out[r.EventID] != nil {
			t.Fatalf("the check report has event %s twice", r.EventID)
		}
		lists := map[string][]any{"findings": r.Findings, "exempted": r.Exempted}
		for kind, list := range lists {
			for _, f := range list {
				m, ok := f.(map[string]any)
				if !ok {
					t.Fatalf("%s: a finding is not an object: %v", r.EventID, f)
				}
				if _, ok := m["location"]; !ok {
					t.Fatalf("%s: a finding has no location (the normalisation is out of date): %v", r.EventID, f)
				}
				delete(m, "location")
			}
			lists[kind] = sortedByJSON(list)
		}
		out[r.EventID] = lists
	}
	return out
}

// sortedByJSON sorts values by their JSON text; a nil list is an empty one.
func sortedByJSON(list []any) []any {
	keys := make([]string, len(list))
	for i, v := range list {
		b, _ := json.Marshal(v)
		keys[i] = string(b)
	}
	idx := make([]int, len(list))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return keys[idx[a]] < keys[idx[b]] })
	out := make([]any, 0, len(list))
	for _, i := range idx {
		out = append(out, list[i])
	}
	return out
}
