// Package baseline records the findings a team has accepted (by event id and rule id, never by
// line number, so that editing a file does not invalidate it) and leaves them out of later
// reports, so that CI fails only on new findings. An entry may say why it is accepted (reason)
// and until when (expires, a day: YYYY-MM-DD); past that day its finding is reported again.
package baseline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"time"

	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/report"
)

// Version is the baseline file format's version.
const Version = 1

// File is a baseline. Version 1 entries have event_id and rule_id, and optionally reason and
// expires (files written before those existed still load).
type File struct {
	Version  int                    `json:"version"`
	Findings []report.BaselineEntry `json:"findings"`
}

// Write renders the baseline as indented JSON, sorted.
func (b *File) Write(w io.Writer) error {
	sort.Slice(b.Findings, func(i, j int) bool {
		x, y := b.Findings[i], b.Findings[j]
		if x.EventID != y.EventID {
			return x.EventID < y.EventID
		}
		return x.RuleID < y.RuleID
	})
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(b)
}

// dateLayout is the form of an entry's expires: a day, YYYY-MM-DD.
const dateLayout = "2006-01-02"

// Load reads a baseline file. Unknown keys, at the top level or in an entry, are an error (a
// misspelt "expires" must not leave a finding accepted for ever), and so is an expiry that is
// not a date.
func Load(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var raw struct {
		Version  int               `json:"version"`
		Findings []json.RawMessage `json:"findings"`
	}
	if err := decodeStrict(data, &raw); err != nil {
		return nil, fmt.Errorf("%s: not a baseline: %w", path, err)
	}
	if raw.Version != Version {
		return nil, fmt.Errorf("%s: baseline version %d, want %d", path, raw.Version, Version)
	}
	b := File{Version: raw.Version, Findings: make([]report.BaselineEntry, len(raw.Findings))}
	for i, msg := range raw.Findings {
		e := &b.Findings[i]
		if err := decodeStrict(msg, e); err != nil {
			return nil, fmt.Errorf("%s: findings[%d]: %w", path, i, err)
		}
		if e.EventID == "" || e.RuleID == "" {
			return nil, fmt.Errorf("%s: findings[%d] lacks event_id or rule_id", path, i)
		}
		if e.Expires != "" {
			if _, err := time.Parse(dateLayout, e.Expires); err != nil {
				return nil, fmt.Errorf("%s: findings[%d].expires: %q is not a date (want YYYY-MM-DD)", path, i, e.Expires)
			}
		}
	}
	return &b, nil
}

// LoadIfExists reads a baseline file as Load does, or gives an empty baseline when there is no
// such file.
func LoadIfExists(path string) (*File, error) {
	b, err := Load(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &File{Version: Version, Findings: []report.BaselineEntry{}}, nil
	}
	return b, err
}

// decodeStrict decodes one JSON value, refusing unknown keys and anything after the value.
func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("more data after the JSON value")
	}
	return nil
}

// key is what an entry accepts: a rule's finding on an event.
type key struct{ event, rule string }

func keyOf(e report.BaselineEntry) key { return key{e.EventID, e.RuleID} }

// expired says whether e no longer applies on the day today: an entry applies through its
// expiry day, and stops the day after. Load has checked the date.
func expired(e report.BaselineEntry, today time.Time) bool {
	if e.Expires == "" {
		return false
	}
	last, err := time.Parse(dateLayout, e.Expires)
	if err != nil {
		return true
	}
	y, m, d := today.Date()
	return last.Before(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// Recorder is a report.Sink that records every finding passing through it, for a new baseline.
type Recorder struct {
	Next report.Sink
	File File
	old  map[key]report.BaselineEntry
}

// NewRecorder records the findings on their way to next. An entry of previous (the baseline
// being written again; nil for none) whose finding is recorded keeps its reason and expiry; the
// others are dropped.
func NewRecorder(next report.Sink, previous *File) *Recorder {
	r := &Recorder{Next: next, File: File{Version: Version, Findings: []report.BaselineEntry{}},
		old: map[key]report.BaselineEntry{}}
	if previous != nil {
		for _, e := range previous.Findings {
			r.old[keyOf(e)] = e
		}
	}
	return r
}

// Verdict records the event's findings and passes it on.
func (r *Recorder) Verdict(res evaluator.Verdict) error {
	for _, f := range res.Findings {
		e := report.BaselineEntry{EventID: res.EventID, RuleID: f.RuleID}
		if old, ok := r.old[keyOf(e)]; ok {
			e.Reason, e.Expires = old.Reason, old.Expires
		}
		r.File.Findings = append(r.File.Findings, e)
	}
	return r.Next.Verdict(res)
}

// Error passes the problem on.
func (r *Recorder) Error(p *diag.Problem) error { return r.Next.Error(p) }

// Filter is a report.Sink that leaves out the baseline's findings before passing results on.
type Filter struct {
	Next       report.Sink
	baseline   *File
	accepted   map[key]bool // the entries in force today
	lapsed     map[key]bool // the expired entries
	seen       map[key]bool // the findings that came, accepted or not
	events     map[string]bool
	suppressed int
}

// Filter leaves out the baseline's findings on their way to next, as of the day today (its date
// in its location): an entry whose expiry is before today no longer accepts its finding, which is
// passed on as a new one.
func (b *File) Filter(next report.Sink, today time.Time) *Filter {
	f := &Filter{Next: next, baseline: b, accepted: map[key]bool{}, lapsed: map[key]bool{},
		seen: map[key]bool{}, events: map[string]bool{}}
	for _, e := range b.Findings {
		if expired(e, today) {
			f.lapsed[keyOf(e)] = true
		} else {
			f.accepted[keyOf(e)] = true
		}
	}
	return f
}

// Verdict drops the accepted findings and passes the rest on.
func (f *Filter) Verdict(res evaluator.Verdict) error {
	if res.EventID != "" && len(res.Rejected) == 0 {
		f.events[res.EventID] = true
	}
	kept := res.Findings[:0:0]
	for _, fi := range res.Findings {
		k := key{res.EventID, fi.RuleID}
		f.seen[k] = true
		if f.accepted[k] {
			f.suppressed++
			continue
		}
		kept = append(kept, fi)
	}
	res.Findings = kept
	return f.Next.Verdict(res)
}

// Error passes the problem on.
func (f *Filter) Error(p *diag.Problem) error { return f.Next.Error(p) }

// Info says, once the run is over, how many findings were left out; which baseline entries no
// finding matched although their event was evaluated (stale: an entry whose event was not in the
// input, or was rejected, says nothing about whether its finding still occurs); and which
// expired entries had their finding reported again. An expired entry whose finding did not come
// back is stale or, when its event was not evaluated, not listed.
func (f *Filter) Info(path string) *report.BaselineInfo {
	info := &report.BaselineInfo{File: path, Suppressed: f.suppressed,
		Stale: []report.BaselineEntry{}, Expired: []report.BaselineEntry{}}
	for _, e := range f.baseline.Findings {
		k := keyOf(e)
		switch {
		case f.seen[k] && f.lapsed[k] && !f.accepted[k]:
			info.Expired = append(info.Expired, e)
		case !f.seen[k] && f.events[e.EventID]:
			info.Stale = append(info.Stale, e)
		}
	}
	return info
}
