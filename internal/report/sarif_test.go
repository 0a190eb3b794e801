package report_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/sanctions-dev/sanctions/internal/report"
)

// TestSARIFLeavesOutAbsentProperties: no empty array or object and no -1 placeholder anywhere
// (SARIF Multitool's SARIF2004), and every result carries its finding's fingerprint.
func TestSARIFLeavesOutAbsentProperties(t *testing.T) {
	rep := seedReport(t)
	rep.Tool = report.Tool{Name: "sanctions", Version: "v1.2.3", URI: "https://example.org/docs"}
	var buf bytes.Buffer
	if err := (report.SARIF{}).Render(&buf, rep); err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(&buf)
	dec.UseNumber()
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch x := v.(type) {
		case map[string]any:
			if len(x) == 0 {
				t.Errorf("%s: empty object", path)
			}
			for k, e := range x {
				walk(path+"."+k, e)
			}
		case []any:
			if len(x) == 0 && path != ".runs.results" {
				t.Errorf("%s: empty array", path)
			}
			for _, e := range x {
				walk(path+"[]", e)
			}
		case json.Number:
			if x.String() == "-1" {
				t.Errorf("%s: -1", path)
			}
		}
	}
	walk("", doc)
	run := doc["runs"].([]any)[0].(map[string]any)
	driver := run["tool"].(map[string]any)["driver"].(map[string]any)
	if driver["informationUri"] != "https://example.org/docs" || driver["version"] != "v1.2.3" {
		t.Errorf("driver %v", driver)
	}
	for _, r := range run["results"].([]any) {
		res := r.(map[string]any)
		props := res["properties"].(map[string]any)
		want := report.Fingerprint(props["event_id"].(string), res["ruleId"].(string))
		if fp := res["partialFingerprints"].(map[string]any)[report.FingerprintKey]; fp != want {
			t.Errorf("%v: fingerprint %v, want %s", res["ruleId"], fp, want)
		}
	}
	for _, r := range driver["rules"].([]any) {
		if help := r.(map[string]any)["help"].(map[string]any); help["markdown"] == nil || help["text"] == nil {
			t.Errorf("%v: help %v", r.(map[string]any)["id"], help)
		}
	}
}
