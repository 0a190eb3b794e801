package server_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sanctions-dev/sanctions/config"
	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/events"
	"github.com/sanctions-dev/sanctions/internal/library"
	"github.com/sanctions-dev/sanctions/internal/report"
	"github.com/sanctions-dev/sanctions/internal/server"
	"github.com/sanctions-dev/sanctions/internal/testkit/testrules"
)

// loaderFor loads the rules from dir on disk, as `sanctions serve --rules dir` does.
func loaderFor(dir string) server.Loader {
	return func(ctx context.Context) (*evaluator.Engine, error) {
		return evaluator.Load(ctx, evaluator.Options{Sources: []library.Source{{Name: dir, FS: os.DirFS(dir)}}, EventTimeout: time.Minute})
	}
}

func newServer(t testing.TB, dir string, opts server.Options) (*server.Server, *httptest.Server) {
	t.Helper()
	srv, err := server.New(context.Background(), loaderFor(dir), opts)
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(hs.Close)
	return srv, hs
}

// seedJSON is the seed fixture's events as a JSON array, and as NDJSON lines.
func seedJSON(t testing.TB) (array []byte, lines [][]byte) {
	t.Helper()
	f, err := os.Open(filepath.Join(testrules.Dir(), "..", "fixtures", "seed", "efe-2024-01-15.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var docs []map[string]any
	_, err = events.Decode(context.Background(), events.Input{Name: f.Name(), Reader: f, Format: events.YAML}, config.DefaultLimits(),
		func(r events.Record) error {
			if r.Event == nil {
				t.Fatal(r.Problem)
			}
			b, err := json.Marshal(r.Event.Doc)
			if err != nil {
				t.Fatal(err)
			}
			lines = append(lines, b)
			docs = append(docs, r.Event.Doc)
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	array, _ = json.Marshal(docs)
	return array, lines
}

type jsonReport struct {
	Summary report.Summary      `json:"summary"`
	Results []evaluator.Verdict `json:"results"`
	Errors  []struct {
		Message string `json:"message"`
	} `json:"errors"`
}

func post(t testing.TB, url, contentType string, body io.Reader, header ...string) *http.Response {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, url, body)
	req.Header.Set("Content-Type", contentType)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

func decodeReport(t testing.TB, resp *http.Response) jsonReport {
	t.Helper()
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(resp.Body)
		t.Fatalf("status %d: %s", resp.StatusCode, b)
	}
	var rep jsonReport
	if err := json.NewDecoder(resp.Body).Decode(&rep); err != nil {
		t.Fatal(err)
	}
	return rep
}

func TestCheckInEveryInputFormat(t *testing.T) {
	_, hs := newServer(t, testrules.Dir(), server.Options{})
	array, lines := seedJSON(t)
	yamlBody, _ := os.ReadFile(filepath.Join(testrules.Dir(), "..", "fixtures", "seed", "efe-2024-01-15.yaml"))

	for _, tc := range []struct {
		name, contentType string
		body              []byte
	}{
		{"JSON array", "application/json", array},
		{"one JSON event", "application/json; charset=utf-8", lines[3]},
		{"curl's default content type", "application/x-www-form-urlencoded", array},
		{"YAML fixture", "application/yaml", yamlBody},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep := decodeReport(t, post(t, hs.URL+"/v1/check", tc.contentType, bytes.NewReader(tc.body)))
			want := 7
			if tc.name == "one JSON event" {
				want = 1
			}
			if rep.Summary.Events != want || rep.Summary.Evaluated != want || len(rep.Errors) != 0 {
				t.Errorf("summary %+v, errors %v", rep.Summary, rep.Errors)
			}
			if want == 7 && rep.Summary.Findings != 4 {
				t.Errorf("%d findings, want the seed's 4", rep.Summary.Findings)
			}
		})
	}

	t.Run("NDJSON", func(t *testing.T) {
		resp := post(t, hs.URL+"/v1/check", "application/x-ndjson", bytes.NewReader(append(bytes.Join(lines, []byte("\n")), '\n')))
		defer resp.Body.Close()
		if ct := resp.Header.Get("Content-Type"); ct != "application/x-ndjson" {
			t.Errorf("content type %q", ct)
		}
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		var n int
		var last string
		for sc.Scan() {
			n++
			last = sc.Text()
		}
		if n != 8 || !strings.Contains(last, `"summary":{"events":7,"evaluated":7,"rejected":0,"findings":4`) {
			t.Errorf("%d lines, last %s", n, last)
		}
	})

	t.Run("a bad event is rejected in the report", func(t *testing.T) {
		rep := decodeReport(t, post(t, hs.URL+"/v1/check", "application/json", strings.NewReader(`[{"id": "x", "type": "transfer", "date": "2023-13-45"}]`)))
		if rep.Summary.Rejected != 1 || len(rep.Errors) == 0 || !strings.HasPrefix(rep.Errors[0].Message, "") {
			t.Errorf("summary %+v, errors %+v", rep.Summary, rep.Errors)
		}
	})
}

// TestNDJSONStreamsBothWays: the answer to the first line arrives while the request is still
// being written.
func TestNDJSONStreamsBothWays(t *testing.T) {
	_, hs := newServer(t, testrules.Dir(), server.Options{})
	_, lines := seedJSON(t)
	pr, pw := io.Pipe()
	respc := make(chan *http.Response, 1)
	go func() { respc <- post(t, hs.URL+"/v1/check", "application/x-ndjson", pr) }()
	pw.Write(append(lines[3], '\n'))
	var resp *http.Response
	select {
	case resp = <-respc:
	case <-time.After(10 * time.Second):
		t.Fatal("no response while the request is open")
	}
	defer resp.Body.Close()
	br := bufio.NewReader(resp.Body)
	first := make(chan string, 1)
	go func() { l, _ := br.ReadString('\n'); first <- l }()
	select {
	case l := <-first:
		if !strings.Contains(l, `"event_id":"seed-ru-fires-kp-missiles"`) || !strings.Contains(l, "DPRK-ARMS-EXPORT") {
			t.Errorf("first line %s", l)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the first event's result did not come before the request ended")
	}
	pw.Write(append(lines[4], '\n'))
	pw.Close()
	rest, _ := io.ReadAll(br)
	if !strings.Contains(string(rest), `"event_id":"seed-kp-ru-containers"`) || !strings.Contains(string(rest), `"events":2`) {
		t.Errorf("rest: %s", rest)
	}
}

func TestRequestErrors(t *testing.T) {
	_, hs := newServer(t, testrules.Dir(), server.Options{Limits: events.Limits{MaxFileBytes: 1000, MaxEventBytes: 1000, MaxDepth: 32, MaxValues: 1000, MaxString: 1000}})
	big := bytes.Repeat([]byte(" "), 2000)
	for _, tc := range []struct {
		name, method, path, contentType string
		body                            []byte
		status                          int
	}{
		{"too large", http.MethodPost, "/v1/check", "application/json", big, http.StatusRequestEntityTooLarge},
		{"unsupported type", http.MethodPost, "/v1/check", "multipart/form-data", []byte("x"), http.StatusUnsupportedMediaType},
		{"wrong method", http.MethodGet, "/v1/check", "", nil, http.StatusMethodNotAllowed},
		{"unknown path", http.MethodGet, "/v2/check", "", nil, http.StatusNotFound},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest(tc.method, hs.URL+tc.path, bytes.NewReader(tc.body))
			req.Header.Set("Content-Type", tc.contentType)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tc.status {
				t.Errorf("status %d, want %d", resp.StatusCode, tc.status)
			}
		})
	}
}

func TestBearerToken(t *testing.T) {
	_, hs := newServer(t, testrules.Dir(), server.Options{Token: "s3cret"})
	for _, tc := range []struct {
		path, auth string
		status     int
	}{
		{"/v1/rules", "", http.StatusUnauthorized},
		{"/v1/rules", "Bearer wrong", http.StatusUnauthorized},
		{"/v1/rules", "Bearer s3cret", http.StatusOK},
		{"/metrics", "", http.StatusUnauthorized},
		{"/metrics", "Bearer s3cret", http.StatusOK},
		{"/healthz", "", http.StatusOK},
		{"/readyz", "", http.StatusOK},
	} {
		req, _ := http.NewRequest(http.MethodGet, hs.URL+tc.path, nil)
		if tc.auth != "" {
			req.Header.Set("Authorization", tc.auth)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.status {
			t.Errorf("%s with %q: status %d, want %d", tc.path, tc.auth, resp.StatusCode, tc.status)
		}
	}
	array, _ := seedJSON(t)
	resp := post(t, hs.URL+"/v1/check", "application/json", bytes.NewReader(array))
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("check without a token: %d", resp.StatusCode)
	}
	rep := decodeReport(t, post(t, hs.URL+"/v1/check", "application/json", bytes.NewReader(array), "Authorization", "Bearer s3cret"))
	if rep.Summary.Events != 7 {
		t.Errorf("with the token: %+v", rep.Summary)
	}
}

func TestRulesAndMetrics(t *testing.T) {
	srv, hs := newServer(t, testrules.Dir(), server.Options{})
	resp, err := http.Get(hs.URL + "/v1/rules")
	if err != nil {
		t.Fatal(err)
	}
	var info server.RulesInfo
	json.NewDecoder(resp.Body).Decode(&info)
	resp.Body.Close()
	shipped, _ := filepath.Glob("../../rules/sanctions/*/*/examples.yaml") // one per rule package
	if len(info.Rules) != len(shipped) || len(shipped) < 16 || info.Revision != srv.Revision() || !strings.HasPrefix(info.Revision, "sha256:") || info.ReloadError != nil {
		t.Errorf("rules: %d, revision %q, reload error %v", len(info.Rules), info.Revision, info.ReloadError)
	}
	array, _ := seedJSON(t)
	decodeReport(t, post(t, hs.URL+"/v1/check", "application/json", bytes.NewReader(array)))
	resp, err = http.Get(hs.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{
		`sanctions_events_total{outcome="evaluated"} 7`,
		`sanctions_findings_total{severity="high"} 4`,
		`sanctions_http_requests_total{code="200",handler="check"} 1`,
		`sanctions_http_request_duration_seconds_count{handler="check"} 1`,
		fmt.Sprintf("sanctions_rules_loaded %d", len(shipped)),
		`sanctions_rules_revision_info{revision="` + info.Revision + `"} 1`,
		`go_goroutines`,
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

// copyRules copies the repository's rules into a directory of the test's own.
func copyRules(t testing.TB) string {
	t.Helper()
	dst := t.TempDir()
	testrules.CopyTree(t, testrules.Dir(), dst)
	return dst
}

// TestReloadUnderLoad: while clients keep posting, an edit of a rule changes the answers (the
// arms-export findings become critical) with no request failing during the swap; a broken edit
// then leaves the service answering with the last good rules, and says why on /v1/rules.
func TestReloadUnderLoad(t *testing.T) {
	dir := copyRules(t)
	srv, hs := newServer(t, dir, server.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go srv.WatchRules(ctx, []string{dir})
	time.Sleep(100 * time.Millisecond) // the watcher is set up

	_, lines := seedJSON(t)
	event := lines[3] // Russia fires North Korean missiles: DPRK-ARMS-EXPORT, high
	severity := func() (string, error) {
		resp, err := http.Post(hs.URL+"/v1/check", "application/json", bytes.NewReader(event))
		if err != nil {
			return "", err
		}
		defer resp.Body.Close()
		var rep jsonReport
		if err := json.NewDecoder(resp.Body).Decode(&rep); err != nil || resp.StatusCode != http.StatusOK {
			return "", err
		}
		if len(rep.Results) != 1 || len(rep.Results[0].Findings) != 1 {
			return "none", nil
		}
		return string(rep.Results[0].Findings[0].Severity), nil
	}
	type outcome struct {
		sev string
		err error
	}
	results := make(chan outcome, 100000)
	stop := make(chan struct{})
	var stopOnce sync.Once
	stopClients := func() { stopOnce.Do(func() { close(stop) }) }
	defer stopClients() // also when the test fails early: the server cannot close with clients looping
	done := make(chan struct{})
	for range 4 {
		go func() {
			defer func() { done <- struct{}{} }()
			for {
				select {
				case <-stop:
					return
				default:
				}
				sev, err := severity()
				results <- outcome{sev, err}
			}
		}()
	}
	rule := filepath.Join(dir, "sanctions", "dprk", "arms_export", "arms_export.rego")
	src, _ := os.ReadFile(rule)
	time.Sleep(200 * time.Millisecond)
	if err := os.WriteFile(rule, []byte(strings.Replace(string(src), "#   severity: high", "#   severity: critical", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	testrules.WaitFor(t, "the edit to take effect", func() bool { s, _ := severity(); return s == "critical" })
	revision := srv.Revision()

	// A broken edit: the service keeps answering with the last good rules.
	if err := os.WriteFile(rule, []byte(string(src)+"\nbroken rule {\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	testrules.WaitFor(t, "the broken edit to be reported", func() bool { return srv.LastReloadError() != nil })
	time.Sleep(200 * time.Millisecond)
	stopClients()
	for range 4 {
		<-done
	}
	close(results)
	counts := map[string]int{}
	for r := range results {
		if r.err != nil || (r.sev != "high" && r.sev != "critical") {
			t.Fatalf("a request failed during the reloads: %q, %v", r.sev, r.err)
		}
		counts[r.sev]++
	}
	if counts["high"] == 0 || counts["critical"] == 0 {
		t.Errorf("answers %v: want some before and some after the edit", counts)
	}
	if s, err := severity(); s != "critical" || err != nil || srv.Revision() != revision {
		t.Errorf("after the broken edit: %q %v, revision %s (was %s)", s, err, srv.Revision(), revision)
	}
	resp, _ := http.Get(hs.URL + "/v1/rules")
	var info server.RulesInfo
	json.NewDecoder(resp.Body).Decode(&info)
	resp.Body.Close()
	if info.ReloadError == nil || len(info.ReloadError.Problems) == 0 || !strings.Contains(info.ReloadError.Problems[0].Error(), "arms_export.rego:") {
		t.Errorf("/v1/rules reload_error: %+v", info.ReloadError)
	}
	t.Logf("answers during the reloads: %v", counts)
}

// TestGracefulShutdown: when the context ends, readyz turns 503 at once, a request in flight
// finishes with its whole report, and Serve returns.
func TestGracefulShutdown(t *testing.T) {
	srv, err := server.New(context.Background(), loaderFor(testrules.Dir()), server.Options{})
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() {
		served <- srv.Serve(ctx, l, server.HTTPOptions{ReadTimeout: time.Minute, WriteTimeout: time.Minute, IdleTimeout: time.Minute, ShutdownTimeout: 20 * time.Second})
	}()
	base := "http://" + l.Addr().String()
	_, lines := seedJSON(t)
	pr, pw := io.Pipe()
	respc := make(chan *http.Response, 1)
	go func() { respc <- post(t, base+"/v1/check", "application/x-ndjson", pr) }()
	pw.Write(append(lines[3], '\n'))
	resp := <-respc
	defer resp.Body.Close()
	br := bufio.NewReader(resp.Body)
	if l, _ := br.ReadString('\n'); !strings.Contains(l, "seed-ru-fires-kp-missiles") {
		t.Fatalf("first line %q", l)
	}
	cancel() // SIGTERM
	time.Sleep(200 * time.Millisecond)
	select {
	case err := <-served:
		t.Fatalf("Serve returned with a request in flight: %v", err)
	default:
	}
	pw.Write(append(lines[4], '\n'))
	pw.Close()
	rest, _ := io.ReadAll(br)
	if !strings.Contains(string(rest), `"events":2`) {
		t.Errorf("the request in flight did not finish: %s", rest)
	}
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return after the last request")
	}
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Error("still accepting connections after shutdown")
	}
}

// TestNoHiddenEvents: a request body whose JSON repeats the "events" key or holds a second
// document has every event judged or counted, and the report carries the error, in the server
// as in check.
func TestNoHiddenEvents(t *testing.T) {
	_, hs := newServer(t, testrules.Dir(), server.Options{})
	_, lines := seedJSON(t)
	benign, arms := lines[1], lines[4] // the Lavrov visit; the containers of munitions
	for _, tc := range []struct {
		name                          string
		body                          string
		events, evaluated, findingsAt int
		message                       string
	}{
		{"repeated events key", `{"events": [` + string(benign) + `], "events": [` + string(arms) + `]}`, 2, 2, 1, `duplicate top-level key "events"`},
		{"two documents", string(arms) + "\n" + string(benign), 2, 1, 1, "a second top-level value"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep := decodeReport(t, post(t, hs.URL+"/v1/check", "application/json", strings.NewReader(tc.body)))
			if rep.Summary.Events != tc.events || rep.Summary.Evaluated != tc.evaluated || rep.Summary.Findings != tc.findingsAt {
				t.Errorf("summary %+v, want %d events, %d evaluated, %d finding", rep.Summary, tc.events, tc.evaluated, tc.findingsAt)
			}
			found := false
			for _, e := range rep.Errors {
				found = found || strings.Contains(e.Message, tc.message)
			}
			if !found {
				t.Errorf("errors %+v lack %q", rep.Errors, tc.message)
			}
		})
	}
}
