package server_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"runtime/debug"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/sanctions-dev/sanctions/internal/server"
	"github.com/sanctions-dev/sanctions/internal/testkit/testrules"
)

var (
	loadRequests = flag.Int("load-requests", 2000, "requests of the load test")
	loadClients  = flag.Int("load-clients", 8, "concurrent clients of the load test")
)

// TestLoad is a bounded load test on loopback: a fixed number of requests from several clients
// at once, first one event per request (JSON), then batches of 100 events (NDJSON). Every
// request must succeed with the right counts; the figures (throughput, p50 and p99 latency) are
// printed, and recorded in docs/performance.md. `.ci/run` runs it with -v.
func TestLoad(t *testing.T) {
	_, hs := newServer(t, testrules.Dir(), server.Options{})
	_, lines := seedJSON(t)
	// As the binary runs (cmd/sanctions tunes the collector the same way).
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	requests := *loadRequests
	if raceEnabled {
		requests = min(requests, 200)
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: *loadClients}}

	run := func(name string, requests, clients int, contentType string, body func(i int) []byte, events int) {
		latencies := make([]time.Duration, requests)
		next := make(chan int)
		var wg sync.WaitGroup
		var mu sync.Mutex
		var failures []string
		start := time.Now()
		for range clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range next {
					t0 := time.Now()
					resp, err := client.Post(hs.URL+"/v1/check", contentType, bytes.NewReader(body(i)))
					if err != nil {
						mu.Lock()
						failures = append(failures, err.Error())
						mu.Unlock()
						continue
					}
					got, err := summaryEvents(resp.Body, contentType)
					resp.Body.Close()
					latencies[i] = time.Since(t0)
					if err != nil || resp.StatusCode != http.StatusOK || got != events {
						mu.Lock()
						failures = append(failures, fmt.Sprintf("status %d, %d events, %v", resp.StatusCode, got, err))
						mu.Unlock()
					}
				}
			}()
		}
		for i := range requests {
			next <- i
		}
		close(next)
		wg.Wait()
		took := time.Since(start)
		if len(failures) > 0 {
			t.Fatalf("%s: %d of %d requests failed, first: %s", name, len(failures), requests, failures[0])
		}
		slices.Sort(latencies)
		pct := func(p float64) time.Duration { return latencies[int(p*float64(len(latencies)-1))] }
		t.Logf("%s: %d requests, %d clients: %.0f requests/s, %.0f events/s; latency p50 %s, p99 %s, max %s",
			name, requests, clients, float64(requests)/took.Seconds(), float64(requests*events)/took.Seconds(),
			pct(0.50).Round(10*time.Microsecond), pct(0.99).Round(10*time.Microsecond), latencies[len(latencies)-1].Round(10*time.Microsecond))
	}

	run("one event per request (JSON)", requests, *loadClients, "application/json",
		func(i int) []byte { return lines[i%len(lines)] }, 1)

	var batch bytes.Buffer
	for i := range 100 { // ids must differ within a request: a reused id is rejected
		batch.Write(bytes.Replace(lines[i%len(lines)], []byte(`"id":"seed-`), fmt.Appendf(nil, `"id":"b%d-seed-`, i), 1))
		batch.WriteByte('\n')
	}
	run("100 events per request (NDJSON)", max(requests/100, 4), *loadClients, "application/x-ndjson",
		func(int) []byte { return batch.Bytes() }, 100)
}

// summaryEvents reads a report (JSON, or NDJSON whose last line is the summary) and returns its
// count of events.
func summaryEvents(body io.Reader, contentType string) (int, error) {
	data, err := io.ReadAll(body)
	if err != nil {
		return 0, err
	}
	if contentType == "application/x-ndjson" {
		data = bytes.TrimSpace(data)
		data = data[bytes.LastIndexByte(data, '\n')+1:]
	}
	var r struct {
		Summary struct {
			Events    int `json:"events"`
			Evaluated int `json:"evaluated"`
		} `json:"summary"`
	}
	if err := json.Unmarshal(data, &r); err != nil {
		return 0, err
	}
	if r.Summary.Evaluated != r.Summary.Events {
		return 0, fmt.Errorf("%d of %d events evaluated", r.Summary.Evaluated, r.Summary.Events)
	}
	return r.Summary.Events, nil
}
