package server

import (
	"encoding/json"
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
// 200 whenever the request could be read.
func (s *Server) check(w http.ResponseWriter, r *http.Request) {
	format, ok := inputFormats[mediaType(r)]
	if !ok {
		writeError(w, http.StatusUnsupportedMediaType, fmt.Sprintf("content type %q: want application/json, application/x-ndjson or application/yaml", mediaType(r)))
		return
	}
	cur := s.current.Load() // this request's rules, whatever reloads happen meanwhile
	lim := s.opts.Limits
	body := r.Body
	renderer := report.Streamer(report.JSON{})
	out := io.Writer(w)
	if format == events.NDJSON {
		renderer = report.NDJSON{}
		// Answer each line as it is judged: read and write at once (HTTP/1.1 needs telling).
		rc := http.NewResponseController(w)
		rc.EnableFullDuplex()
		out = flushWriter{w: w, rc: rc}
		w.Header().Set("Content-Type", "application/x-ndjson")
	} else {
		if r.ContentLength > lim.MaxFileBytes {
			writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("a request of %d bytes: at most %d (limits.max_file_bytes); send NDJSON to stream more", r.ContentLength, lim.MaxFileBytes))
			return
		}
		body = http.MaxBytesReader(w, body, lim.MaxFileBytes+1) // the decoder reports the excess
		w.Header().Set("Content-Type", "application/json")
	}
	rep := checkrun.NewReport(cur.engine)
	rep.Tool = s.opts.Tool
	writer := report.NewWriter(out, renderer, rep)
	counted := &countingSink{next: writer, m: s.metrics}
	c := &checkrun.Check{Inputs: []checkrun.Input{checkrun.Reader("request", format, body)}, Limits: lim, Workers: s.opts.Workers}
	if err := c.RunTo(r.Context(), cur.engine, counted); err != nil {
		s.log.Warn("check stopped", "error", err.Error())
		return // the client went away, or the output failed: nothing more can be said to it
	}
	if err := writer.Close(); err != nil {
		s.log.Warn("writing the report", "error", err.Error())
	}
	if sr, ok := w.(*statusRecorder); ok {
		sr.events = rep.Summary.Events
	}
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

// flushWriter sends what is written at once.
type flushWriter struct {
	w  io.Writer
	rc *http.ResponseController
}

func (f flushWriter) Write(p []byte) (int, error) {
	n, err := f.w.Write(p)
	if err == nil {
		err = f.rc.Flush()
	}
	return n, err
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
