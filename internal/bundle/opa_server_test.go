package bundle_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/sanctions-dev/sanctions/config"
	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/bundle"
	"github.com/sanctions-dev/sanctions/internal/checkrun"
	"github.com/sanctions-dev/sanctions/internal/events"
	"github.com/sanctions-dev/sanctions/internal/testkit/testrules"
)

// opaBinary is the stock OPA CLI at the version go.mod requires, declared there as a tool:
// `go tool -n opa` builds it once (cached) and prints its path.
func opaBinary(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "tool", "-n", "opa").Output()
	if err != nil {
		t.Fatalf("building the OPA CLI (go tool -n opa): %v", err)
	}
	return strings.TrimSpace(string(out))
}

// asJSONClientWrites is the event as a JSON client following docs/events.md sends it. The only
// difference from the YAML as decoded is the date: YAML reads a bare year (date: 2018) as a
// number, which the checker reads as the date prefix "2018"; in JSON a date is a string. OPA does
// not validate events: send them in the documented form (docs/deploy.md).
func asJSONClientWrites(doc map[string]any) map[string]any {
	out := make(map[string]any, len(doc))
	for k, v := range doc {
		if n, ok := v.(json.Number); ok && (k == "date" || k == "end_date") {
			v = n.String()
		}
		out[k] = v
	}
	return out
}

// freeAddr finds a free loopback port.
func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// TestStockOPAServerGivesTheSameFindings starts a stock OPA server on loopback with the bundle of
// the shipped rules, posts every fixture event, as written, to its Data API, and expects the
// findings `sanctions check` gives, field for field.
func TestStockOPAServerGivesTheSameFindings(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	bundlePath := filepath.Join(dir, "sanctions.tar.gz")
	f, err := os.Create(bundlePath)
	if err != nil {
		t.Fatal(err)
	}
	rev, err := bundle.Write(f, testrules.Library(t), "")
	f.Close()
	if err != nil {
		t.Fatal(err)
	}

	addr := freeAddr(t)
	opa := exec.Command(opaBinary(t), "run", "--server", "--addr", addr, "--log-level", "error", "--bundle", bundlePath)
	var opaLog bytes.Buffer
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
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Get(base + "/health?bundles=true")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("OPA did not become healthy with the bundle within 60s: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}

	// What sanctions check says, by event id.
	eng := testrules.Engine(t)
	fixtures := filepath.Join(testrules.Dir(), "..", "fixtures")
	rep, err := testrules.Check(fixtures).Run(ctx, eng)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]evaluator.Finding{}
	for _, r := range rep.Results {
		want[r.EventID] = r.Findings
	}
	if len(rep.Errors) > 0 || len(want) < 30 {
		t.Fatalf("%d events, errors %v", len(want), rep.Errors)
	}

	// Each event as written, to OPA.
	files, _ := checkrun.Files(fixtures)
	posted, findings := 0, 0
	for _, file := range files {
		in, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		format, _ := events.FormatOf(file)
		_, err = events.Decode(ctx, events.Input{Name: file, Reader: in, Format: format}, config.DefaultLimits(), func(r events.Record) error {
			if r.Event == nil {
				return fmt.Errorf("%v", r.Problem)
			}
			body, _ := json.Marshal(map[string]any{"input": asJSONClientWrites(r.Event.Doc)})
			resp, err := http.Post(base+"/v1/data/sanctions/findings", "application/json", bytes.NewReader(body))
			if err != nil {
				return err
			}
			defer resp.Body.Close()
			var out struct {
				Result []evaluator.Finding `json:"result"`
			}
			if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || resp.StatusCode != http.StatusOK {
				return fmt.Errorf("%s: status %d, %v", r.Event.ID, resp.StatusCode, err)
			}
			got := out.Result
			if got == nil {
				got = []evaluator.Finding{}
			}
			evaluator.Sort(got)
			exp := append([]evaluator.Finding{}, want[r.Event.ID]...)
			for i := range exp {
				exp[i].Location = evaluator.Location{}
			}
			if !reflect.DeepEqual(got, exp) {
				g, _ := json.MarshalIndent(got, "", " ")
				w, _ := json.MarshalIndent(exp, "", " ")
				t.Errorf("%s: OPA gives\n%s\nsanctions check gives\n%s", r.Event.ID, g, w)
			}
			posted++
			findings += len(got)
			return nil
		})
		in.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	if posted != len(want) || findings < 30 {
		t.Errorf("posted %d events (check evaluated %d), %d findings", posted, len(want), findings)
	}
	t.Logf("bundle revision %s: %d events, %d findings, identical", rev, posted, findings)
}
