package ruletest

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/sanctions-dev/sanctions/internal/junit"
)

// TestFormats are the formats of `sanctions test`.
var TestFormats = []string{"text", "json", "junit"}

// RenderFixtures writes the outcome of `sanctions test` in a format.
func RenderFixtures(w io.Writer, format string, files []FixtureFile) error {
	switch format {
	case "text":
		return fixturesText(w, files)
	case "json":
		return fixturesJSON(w, files)
	case "junit":
		return fixturesJUnit(w, files)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(TestFormats, ", "))
}

// FixtureTotals counts files, events and failures.
func FixtureTotals(files []FixtureFile) (nfiles, events, failed int) {
	for _, f := range files {
		nfiles++
		events += len(f.Cases)
		failed += f.Failed()
	}
	return
}

func fixturesText(w io.Writer, files []FixtureFile) error {
	for _, f := range files {
		if f.Failed() == 0 {
			fmt.Fprintf(w, "ok    %s (%d events)\n", f.Name, len(f.Cases))
			continue
		}
		fmt.Fprintf(w, "FAIL  %s (%d of %d events differ)\n", f.Name, f.Failed(), len(f.Cases))
		for _, c := range f.Cases {
			if c.Pass {
				continue
			}
			fmt.Fprintf(w, "  %s:%d %s\n", c.File, c.Line, c.Name)
			for _, part := range strings.Split(c.Message, "; ") {
				fmt.Fprintf(w, "      %s\n", part)
			}
		}
	}
	n, events, failed := FixtureTotals(files)
	fmt.Fprintf(w, "%d fixture files, %d events: %d differ from their expectations.\n", n, events, failed)
	return nil
}

func fixturesJSON(w io.Writer, files []FixtureFile) error {
	type fileOut struct {
		File     string `json:"file"`
		Events   int    `json:"events"`
		Failures []Case `json:"failures"`
	}
	out := struct {
		Files   []fileOut      `json:"files"`
		Summary map[string]int `json:"summary"`
	}{Files: []fileOut{}}
	for _, f := range files {
		fo := fileOut{File: f.Name, Events: len(f.Cases), Failures: []Case{}}
		for _, c := range f.Cases {
			if !c.Pass {
				fo.Failures = append(fo.Failures, c)
			}
		}
		out.Files = append(out.Files, fo)
	}
	n, events, failed := FixtureTotals(files)
	out.Summary = map[string]int{"files": n, "events": events, "failed": failed}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func fixturesJUnit(w io.Writer, files []FixtureFile) error {
	out := junit.Suites{Name: "sanctions test"}
	for _, f := range files {
		s := junit.Suite{Name: f.Name}
		for _, c := range f.Cases {
			// The classname convention of `check`'s JUnit (docs/ci.md): the event's id, with the
			// check made of it as the name; "rejected" for an input that is no event.
			tc := junit.Case{Name: "expectations", ClassName: c.Name, File: c.File, Line: c.Line}
			if c.Name == "" {
				tc.Name, tc.ClassName = "input", "rejected"
			}
			if !c.Pass {
				first := c.Message
				if i := strings.Index(first, "; "); i >= 0 {
					first = first[:i]
				}
				tc.Failure = &junit.Message{Message: first, Text: strings.ReplaceAll(c.Message, "; ", "\n")}
			}
			s.Cases = append(s.Cases, tc)
		}
		out.Add(s)
	}
	return junit.Write(w, out)
}
