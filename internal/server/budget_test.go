package server_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sanctions-dev/sanctions/config"
	"github.com/sanctions-dev/sanctions/internal/server"
	"github.com/sanctions-dev/sanctions/internal/testkit/testrules"
)

var largeBodyBytes = flag.Int64("large-body-bytes", 6<<20, "size of each body of TestLargeBodiesAtOnce (.ci/run: 60 MiB)")

// paddedArray is a JSON array of the given events, padded with spaces to size bytes: as costly
// to hold as any body of that size, cheap to judge.
func paddedArray(events [][]byte, size int) []byte {
	b := []byte("[")
	b = append(b, bytes.Join(events, []byte(","))...)
	b = append(b, bytes.Repeat([]byte(" "), max(0, size-len(b)-1))...)
	return append(b, ']')
}

// inflight reads the sanctions_inflight_bytes gauge.
func inflight(t *testing.T, url string) float64 {
	t.Helper()
	resp, err := http.Get(url + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	m := regexp.MustCompile(`(?m)^sanctions_inflight_bytes (\S+)$`).FindSubmatch(body)
	if m == nil {
		t.Fatalf("no sanctions_inflight_bytes in /metrics")
	}
	v, err := strconv.ParseFloat(string(m[1]), 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestBudgetRefusesWhenFull: a request that would take the server past serve.max_inflight_bytes
// gets 503 with Retry-After before its body is read; one that fits is answered meanwhile; once
// the first is done the refused one is answered; every byte is given back.
func TestBudgetRefusesWhenFull(t *testing.T) {
	lim := config.DefaultLimits()
	lim.MaxFileBytes = 512 << 10
	_, hs := newServer(t, testrules.Dir(), server.Options{Limits: lim, MaxInflightBytes: 768 << 10})
	_, lines := seedJSON(t)

	// A chunked body holds limits.max_file_bytes (512 KiB) while it is being sent.
	pr, pw := io.Pipe()
	first := make(chan *http.Response, 1)
	go func() {
		req, _ := http.NewRequest(http.MethodPost, hs.URL+"/v1/check", pr)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Error(err)
			resp = nil
		}
		first <- resp
	}()
	pw.Write([]byte("[\n" + string(lines[0])))
	deadline := time.Now().Add(10 * time.Second)
	for inflight(t, hs.URL) < 512<<10 {
		if time.Now().After(deadline) {
			t.Fatal("the chunked request was never charged")
		}
		time.Sleep(10 * time.Millisecond)
	}

	big := paddedArray(lines[:1], 300<<10)
	resp := post(t, hs.URL+"/v1/check", "application/json", bytes.NewReader(big))
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" ||
		!strings.Contains(string(body), "serve.max_inflight_bytes") {
		t.Errorf("a request past the budget: status %d, Retry-After %q, %s", resp.StatusCode, resp.Header.Get("Retry-After"), body)
	}
	small := paddedArray(lines[:1], 200<<10)
	if rep := decodeReport(t, post(t, hs.URL+"/v1/check", "application/json", bytes.NewReader(small))); rep.Summary.Evaluated != 1 {
		t.Errorf("a request that fits: %+v", rep.Summary)
	}

	pw.Write([]byte(",\n" + string(lines[1]) + "]"))
	pw.Close()
	if r := <-first; r == nil {
		t.Fatal("the chunked request failed")
	} else if rep := decodeReport(t, r); rep.Summary.Evaluated != 2 {
		t.Errorf("the chunked request: %+v", rep.Summary)
	}
	if rep := decodeReport(t, post(t, hs.URL+"/v1/check", "application/json", bytes.NewReader(big))); rep.Summary.Evaluated != 1 {
		t.Errorf("the refused request, sent again: %+v", rep.Summary)
	}
	if got := inflight(t, hs.URL); got != 0 {
		t.Errorf("%v bytes still charged after every request ended", got)
	}
}

// TestBodiesOverTheLimit: a body over limits.max_file_bytes gets 413 whether its length is
// declared or it is sent chunked; one over what the whole budget can hold, 413 too (it could
// never be taken, so 503 would have the client retry forever).
func TestBodiesOverTheLimit(t *testing.T) {
	lim := config.DefaultLimits()
	lim.MaxFileBytes = 256 << 10
	_, hs := newServer(t, testrules.Dir(), server.Options{Limits: lim, MaxInflightBytes: 1 << 20})
	_, lines := seedJSON(t)
	over := paddedArray(lines[:1], 256<<10+1)
	for _, chunked := range []bool{false, true} {
		var body io.Reader = bytes.NewReader(over)
		if chunked {
			body = io.MultiReader(body) // no length known: sent chunked
		}
		resp := post(t, hs.URL+"/v1/check", "application/json", body)
		msg, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(msg), "limits.max_file_bytes") {
			t.Errorf("chunked %v: status %d: %s", chunked, resp.StatusCode, msg)
		}
	}

	lim.MaxFileBytes = 2 << 20
	_, hs = newServer(t, testrules.Dir(), server.Options{Limits: lim, MaxInflightBytes: 1 << 20})
	resp := post(t, hs.URL+"/v1/check", "application/json", bytes.NewReader(paddedArray(lines[:1], 1<<20+1)))
	msg, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(msg), "serve.max_inflight_bytes") {
		t.Errorf("a body the budget can never hold: status %d: %s", resp.StatusCode, msg)
	}
}

// TestNDJSONClientThatReadsLast: a client that writes its whole NDJSON body before it reads a
// byte of the answer (as curl --data-binary and most HTTP libraries do) gets the whole answer:
// the server never stops reading because the client is not reading yet.
func TestNDJSONClientThatReadsLast(t *testing.T) {
	_, hs := newServer(t, testrules.Dir(), server.Options{})
	_, lines := seedJSON(t)
	// The seed events with quotes of 60,000 bytes, which every finding repeats: few events,
	// cheap to judge, make a body and an answer larger than loopback's socket buffers hold.
	long := make([][]byte, len(lines))
	for i, l := range lines {
		var ev map[string]any
		if err := json.Unmarshal(l, &ev); err != nil {
			t.Fatal(err)
		}
		for _, e := range ev["evidence"].([]any) {
			e.(map[string]any)["quote"] = strings.Repeat("q", 60000)
		}
		long[i], _ = json.Marshal(ev)
	}
	var body bytes.Buffer
	n := 0
	for body.Len() < 16<<20 {
		l := long[n%len(long)]
		body.Write(bytes.Replace(l, []byte(`"id":"seed-`), fmt.Appendf(nil, `"id":"r%d-seed-`, n), 1))
		body.WriteByte('\n')
		n++
	}
	conn, err := net.Dial("tcp", hs.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(3 * time.Minute))
	fmt.Fprintf(conn, "POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-ndjson\r\nContent-Length: %d\r\n\r\n", body.Len())
	if _, err := conn.Write(body.Bytes()); err != nil {
		t.Fatalf("writing the body before reading: %v (the server stopped reading)", err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := summaryEvents(resp.Body, "application/x-ndjson")
	resp.Body.Close()
	if err != nil || got != n {
		t.Errorf("%d events in the summary, %v; sent %d", got, err, n)
	}
}

// TestReadyzSaysAReloadFailed: after a reload that fails, /readyz stays 200 (the last good
// rules serve) and says so; a good reload clears it.
func TestReadyzSaysAReloadFailed(t *testing.T) {
	dir := copyRules(t)
	srv, hs := newServer(t, dir, server.Options{})
	readyz := func() (int, map[string]any) {
		resp, err := http.Get(hs.URL + "/readyz")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var v map[string]any
		if err := json.NewDecoder(resp.Body).Decode(&v); err != nil {
			t.Fatal(err)
		}
		return resp.StatusCode, v
	}
	if code, v := readyz(); code != 200 || v["status"] != "ready" || v["reload_error"] != nil {
		t.Errorf("before: %d %v", code, v)
	}
	broken := filepath.Join(dir, "sanctions", "broken.rego")
	if err := os.WriteFile(broken, []byte("package sanctions.broken\n\nx := y\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if srv.Reload(context.Background()) == nil {
		t.Fatal("a broken rule reloaded")
	}
	code, v := readyz()
	if code != 200 || !strings.Contains(fmt.Sprint(v["status"]), "the last reload failed") || v["reload_error"] == nil {
		t.Errorf("after a failed reload: %d %v", code, v)
	}
	os.Remove(broken)
	if err := srv.Reload(context.Background()); err != nil {
		t.Fatal(err)
	}
	if code, v := readyz(); code != 200 || v["status"] != "ready" || v["reload_error"] != nil {
		t.Errorf("after a good reload: %d %v", code, v)
	}
}

// TestLargeBodiesAtOnce: 16 clients each send a large JSON body at once (half with a length,
// half chunked), with the default budget and limits scaled to the body size. Each gets an
// answer with a status (200 with the report, or 503 with Retry-After), at least one is judged,
// the server's heap stays bounded by the budget, not by the requests, and it answers afterwards.
// `.ci/run` runs it with -large-body-bytes=62914560 (60 MiB) and the default limits.
func TestLargeBodiesAtOnce(t *testing.T) {
	size := *largeBodyBytes
	lim := config.DefaultLimits()
	budget := config.Default().Serve.MaxInflightBytes
	if size < 32<<20 { // scaled down: the same ratios as 60 MiB against the defaults
		lim.MaxFileBytes = size * 64 / 60
		budget = lim.MaxFileBytes * 2
	}
	_, hs := newServer(t, testrules.Dir(), server.Options{Limits: lim, MaxInflightBytes: budget})
	_, lines := seedJSON(t)
	body := paddedArray(lines, int(size))

	var peak atomic.Uint64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapInuse > peak.Load() {
				peak.Store(m.HeapInuse)
			}
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()

	const clients = 16
	var wg sync.WaitGroup
	statuses := make([]string, clients)
	judged := atomic.Int32{}
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var r io.Reader = bytes.NewReader(body)
			if i%2 == 1 {
				r = io.MultiReader(r) // chunked
			}
			req, _ := http.NewRequest(http.MethodPost, hs.URL+"/v1/check", r)
			req.Header.Set("Content-Type", "application/json")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				statuses[i] = "error: " + err.Error()
				return
			}
			defer resp.Body.Close()
			switch resp.StatusCode {
			case http.StatusOK:
				got, err := summaryEvents(resp.Body, "application/json")
				if err != nil || got != len(lines) {
					statuses[i] = fmt.Sprintf("200 with %d events, %v", got, err)
					return
				}
				judged.Add(1)
			case http.StatusServiceUnavailable:
				if resp.Header.Get("Retry-After") == "" {
					statuses[i] = "503 without Retry-After"
					return
				}
			default:
				msg, _ := io.ReadAll(resp.Body)
				statuses[i] = fmt.Sprintf("status %d: %s", resp.StatusCode, msg)
				return
			}
			statuses[i] = strconv.Itoa(resp.StatusCode)
		}()
	}
	wg.Wait()
	close(stop)
	<-sampled
	for i, s := range statuses {
		if s != "200" && s != "503" {
			t.Errorf("client %d: %s", i, s)
		}
	}
	if judged.Load() == 0 {
		t.Errorf("no request was judged: %v", statuses)
	}
	if resp, err := http.Get(hs.URL + "/healthz"); err != nil || resp.StatusCode != 200 {
		t.Fatalf("the server does not answer after the load: %v", err)
	}
	// The client's one copy of the body, the budget's bytes twice over (a body and what is
	// decoded from it), and the rules.
	bound := uint64(size) + 2*uint64(budget) + 96<<20
	t.Logf("%d clients, bodies of %d MiB, budget %d MiB: %d judged, statuses %v; peak heap %d MiB (bound %d MiB)",
		clients, size>>20, budget>>20, judged.Load(), statuses, peak.Load()>>20, bound>>20)
	if peak.Load() > bound {
		t.Errorf("peak heap %d MiB, over %d MiB", peak.Load()>>20, bound>>20)
	}
}
