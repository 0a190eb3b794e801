package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/checkrun"
	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/events"
	"github.com/sanctions-dev/sanctions/internal/report"
)

// inputFormats maps request content types to event formats. No content type, text/plain and
// curl's default for --data (application/x-www-form-urlencoded) mean JSON.
var inputFormats = map[string]events.Format{
	"": events.JSON, "application/json": events.JSON, "text/plain": events.JSON, "application/x-www-form-urlencoded": events.JSON,
	"application/x-ndjson": events.NDJSON, "application/ndjson": events.NDJSON,
	"application/jsonl": events.NDJSON, "application/x-jsonlines": events.NDJSON,
	"application/yaml": events.YAML, "application/x-yaml": events.YAML, "text/yaml": events.YAML,
}

// check answers POST /v1/check: the JSON report of docs/findings.md, or, for NDJSON, the NDJSON
// report, written as each event is judged while the request is still being read. Events that
// are rejected, and rules that fail, are in the report, as with `sanctions check`; the status is
// 200 whenever the request could be read. The request's bytes are charged to the server's
// budget first (see budget): 503 when it has no room, 413 when the body is over its limit.
func (s *Server) check(w http.ResponseWriter, r *http.Request) {
	format, ok := inputFormats[mediaType(r)]
	if !ok {
		writeError(w, http.StatusUnsupportedMediaType, fmt.Sprintf("content type %q: want application/json, application/x-ndjson or application/yaml", mediaType(r)))
		return
	}
	cur := s.current.Load() // this request's rules, whatever reloads happen meanwhile
	lim := s.opts.Limits
	var in checkrun.Input
	renderer := report.Streamer(report.JSON{})
	out := io.Writer(w)
	if format == events.NDJSON {
		// Streamed: charged the line being read, at its limit. The events in flight (at most
		// checkrun.InFlight) are not: a few KiB each as events are written, they would be
		// InFlight times limits.max_event_bytes only if every line were at the limit.
		charge := int64(lim.MaxEventBytes)
		if !s.budget.take(charge) {
			busy(w, "an NDJSON stream")
			return
		}
		defer s.budget.give(charge)
		in = checkrun.Reader("request", format, r.Body)
		renderer = report.NDJSON{}
		// Answer each line as it is judged, reading and writing at once (HTTP/1.1 needs
		// telling), through a pump so that reading never waits for the client to read.
		http.NewResponseController(w).EnableFullDuplex()
		w.Header().Set("Content-Type", "application/x-ndjson")
		p := newPump(r.Context(), w, s.budget)
		defer p.Close()
		out = p
	} else {
		body, held, status, msg := s.readBody(w, r)
		if status != 0 {
			if status == http.StatusServiceUnavailable {
				busy(w, msg)
			} else {
				writeError(w, status, msg)
			}
			return
		}
		defer s.budget.give(held)
		in = checkrun.Bytes("request", format, body) // decoded where it is, not copied
		w.Header().Set("Content-Type", "application/json")
	}
	rep := checkrun.NewReport(cur.engine)
	rep.Tool = s.opts.Tool
	writer := report.NewWriter(out, renderer, rep)
	counted := &countingSink{next: writer, m: s.metrics}
	c := &checkrun.Check{Inputs: []checkrun.Input{in}, Limits: lim, Workers: s.opts.Workers}
	err := c.RunTo(r.Context(), cur.engine, counted)
	if err == nil {
		err = writer.Close()
	}
	if p, ok := out.(*pump); ok {
		if perr := p.Close(); err == nil {
			err = perr
		}
	}
	if sr, ok := w.(*statusRecorder); ok {
		sr.events = rep.Summary.Events
		if err != nil {
			// The client went away, or the output failed: nothing more can be said to it, but
			// the log says what happened and how far the answer got.
			sr.err = err.Error()
		}
	}
}

// readBody reads a JSON or YAML body whole, charged to the budget before it is read: its
// Content-Length, or, for a body sent chunked, limits.max_file_bytes, the rest given back once
// it is read. On failure it gives the status and message to answer with; otherwise the caller
// gives held back when the request is done.
func (s *Server) readBody(w http.ResponseWriter, r *http.Request) (body []byte, held int64, status int, msg string) {
	max := s.opts.Limits.MaxFileBytes
	if r.ContentLength > max {
		return nil, 0, http.StatusRequestEntityTooLarge, fmt.Sprintf("a request of %d bytes: at most %d (limits.max_file_bytes); send NDJSON to stream more", r.ContentLength, max)
	}
	charge := r.ContentLength
	if charge < 0 {
		charge = max
	}
	if charge > s.budget.size {
		return nil, 0, http.StatusRequestEntityTooLarge, fmt.Sprintf("a request of up to %d bytes: the server holds at most %d request bytes at once (serve.max_inflight_bytes); send NDJSON to stream", charge, s.budget.size)
	}
	if !s.budget.take(charge) {
		return nil, 0, http.StatusServiceUnavailable, fmt.Sprintf("a request of up to %d bytes", charge)
	}
	data, err := readAll(http.MaxBytesReader(w, r.Body, max), charge, r.ContentLength >= 0)
	held = min(int64(cap(data)), charge)
	s.budget.give(charge - held) // a chunked body smaller than the limit gives the rest back
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		s.budget.give(held)
		return nil, 0, http.StatusRequestEntityTooLarge, fmt.Sprintf("a request of more than %d bytes (limits.max_file_bytes); send NDJSON to stream more", max)
	case err != nil:
		s.budget.give(held)
		return nil, 0, http.StatusBadRequest, "reading the request: " + err.Error()
	}
	return data, held, 0, ""
}

// countingSink counts events and findings for the metrics on their way to the report.
type countingSink struct {
	next report.Sink
	m    *metrics
}

func (c *countingSink) Verdict(v evaluator.Verdict) error {
	if len(v.Rejected) > 0 {
		c.m.events.WithLabelValues("rejected").Inc()
	} else {
		c.m.events.WithLabelValues("evaluated").Inc()
	}
	for _, f := range v.Findings {
		c.m.findings.WithLabelValues(string(f.Severity)).Inc()
	}
	for _, p := range v.Failed {
		if p.RuleID != "" {
			c.m.ruleErrors.Inc()
		}
	}
	return c.next.Verdict(v)
}

func (c *countingSink) Error(p *diag.Problem) error {
	if p.RuleID != "" {
		c.m.ruleErrors.Inc()
	}
	return c.next.Error(p)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

// readAll reads r to its end into a slice that never grows past limit+1 bytes (one more, to
// see the end): r, a MaxBytesReader at the body's limit, fails first on a longer body. With
// known, limit is the body's declared length, allocated at once; otherwise the slice grows as
// the body comes.
func readAll(r io.Reader, limit int64, known bool) ([]byte, error) {
	data := make([]byte, 0, min(limit, 64<<10)+1)
	if known {
		data = make([]byte, 0, limit+1)
	}
	for {
		if len(data) == cap(data) {
			if int64(cap(data)) > limit {
				return data, fmt.Errorf("the body is longer than its Content-Length")
			}
			grown := make([]byte, len(data), min(2*int64(cap(data)), limit+1))
			copy(grown, data)
			data = grown
		}
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if errors.Is(err, io.EOF) {
			return data, nil
		}
		if err != nil {
			return data, err
		}
	}
}
