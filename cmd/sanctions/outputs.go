package main

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/sanctions-dev/sanctions/internal/atomicfile"
	"github.com/sanctions-dev/sanctions/internal/report"
)

// An output is one report a check run writes: a format and where to (a file, or standard
// output for "-").
type output struct {
	Format string
	Path   string // "-" for standard output
}

// parseOutputs reads the --output values: "FORMAT=FILE" names its own format, a plain "FILE"
// takes --format (at most one such value). Unless a plain value or a FORMAT=- says otherwise,
// the report in --format also goes to standard output, as Semgrep does, so a CI log shows it
// beside the files. Two outputs to one file, or two to standard output, are an error.
func parseOutputs(values []string, format string) ([]output, error) {
	var outs []output
	plain := 0
	for _, v := range values {
		o := output{Format: format, Path: v}
		if name, path, ok := strings.Cut(v, "="); ok && report.Known(name) {
			o = output{Format: strings.ToLower(name), Path: path}
		} else {
			plain++
		}
		if o.Path == "" {
			return nil, fmt.Errorf("--output %q: no file (want FILE, FORMAT=FILE, or - for standard output)", v)
		}
		outs = append(outs, o)
	}
	if plain > 1 {
		return nil, fmt.Errorf("--output: %d values without a format; give at most one FILE for --format, and FORMAT=FILE for the others", plain)
	}
	if plain == 0 && !slices.ContainsFunc(outs, func(o output) bool { return o.Path == "-" }) {
		outs = append([]output{{Format: format, Path: "-"}}, outs...)
	}
	seen := map[string]string{}
	for _, o := range outs {
		key := o.Path
		if key != "-" {
			key = filepath.Clean(key)
		}
		if prev, dup := seen[key]; dup {
			where := "standard output"
			if key != "-" {
				where = key
			}
			return nil, fmt.Errorf("--output: %s and %s both write to %s", prev, o.Format, where)
		}
		seen[key] = o.Format
	}
	return outs, nil
}

// A target is an output being written: its report, the writer rendering into it and, for a
// file, the temporary file renamed over the target only once the whole report is written, so
// that a run that fails midway leaves any earlier report whole.
type target struct {
	output
	Report  *report.Report
	Writer  *report.Writer
	buf     *bufio.Writer
	pending *atomicfile.File
}

// open starts writing o, to stdout when o.Path is "-".
func (o output) open(stdout io.Writer, renderer report.Renderer, rep *report.Report) (*target, error) {
	t := &target{output: o, Report: rep}
	w := stdout
	if o.Path != "-" {
		f, err := atomicfile.Create(o.Path, 0o644)
		if err != nil {
			return nil, fmt.Errorf("--output: %w", err)
		}
		t.pending, w = f, f
	}
	t.buf = bufio.NewWriterSize(w, 64<<10)
	t.Writer = report.NewWriter(t.buf, renderer, rep)
	return t, nil
}

// finish writes the rest of the report and, for a file, puts it in place.
func (t *target) finish() error {
	if err := t.Writer.Close(); err != nil {
		return fmt.Errorf("writing the %s report: %w", t.Format, err)
	}
	if err := t.buf.Flush(); err != nil {
		return fmt.Errorf("writing the %s report: %w", t.Format, err)
	}
	if t.pending != nil {
		if err := t.pending.Commit(); err != nil {
			return fmt.Errorf("writing the %s report: %w", t.Format, err)
		}
	}
	return nil
}

// abort drops a file not yet put in place (after finish, it does nothing).
func (t *target) abort() {
	if t.pending != nil {
		t.pending.Abort()
	}
}
