package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"github.com/sanctions-dev/sanctions/internal/atomicfile"
	"github.com/sanctions-dev/sanctions/internal/extract"
)

func newExtract(g *globals, s *streams) *cobra.Command {
	var format, date, publisher, output string
	cmd := &cobra.Command{
		Use:   "extract FILE...",
		Short: "Draft events from the text of articles, for review",
		Long: `Extract reads articles (plain text, Markdown, or HTML with the markup stripped) and drafts the
events they report, in the event format: the type, the states that supplied and received, the
items with their quantities, the dates (also "last week" or "in November", from the article's
date), who says so and how surely ("said", "is believed to", "denied"), each with the sentence
it came from as evidence and the article as source. Under x.extraction each draft lists the
rules that produced it, and a score. The extractor is rule-based and reads the rule library's
own tables (countries, actors, the item taxonomy, and the word lists of
rules/data/extraction.yaml): editing them improves the extraction at the next run.

Drafts are candidates, not findings: review them against the article before checking them.

An article gives its date on a first line "date YYYY-MM-DD" (or a <meta> or <time> in HTML), or
--date gives it; its publisher comes from a wire dateline ("SEOUL, Jan 15 (EFE) - "), a line
"publisher NAME", or --publisher.`,
		Example: `  sanctions extract article.txt
  sanctions extract article.txt | sanctions check -
  sanctions extract --date 2024-01-15 --publisher EFE --format json story.html`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := g.settings(nil)
			if err != nil {
				return err
			}
			if !slices.Contains(extract.Formats, format) {
				return withStatus(exitError, fmt.Errorf("--format %q: want yaml or json", format))
			}
			var at time.Time
			if date != "" {
				if at, err = time.Parse(time.DateOnly, date); err != nil {
					return withStatus(exitError, fmt.Errorf("--date %s: want the articles' day as YYYY-MM-DD (year, month, day: 2024-01-15)", date))
				}
			}
			lib, err := loadLibrary(cmd.Context(), s, c)
			if err != nil {
				return err
			}
			x, err := extract.New(lib)
			if err != nil {
				return withStatus(exitError, err)
			}
			var drafts []extract.Draft
			used := map[string]bool{}
			failed := false
			for _, name := range args {
				data, err := readInput(s, name)
				if err != nil {
					fmt.Fprintf(s.err, "sanctions: %s: %v\n", name, err)
					failed = true
					continue
				}
				a, err := extract.Read(name, data)
				if err != nil {
					fmt.Fprintf(s.err, "sanctions: %v\n", err)
					failed = true
					continue
				}
				if !at.IsZero() {
					a.Date = at
				}
				if publisher != "" {
					a.Publisher = publisher
				}
				ds, err := x.Extract(a)
				if err != nil {
					fmt.Fprintf(s.err, "sanctions: %v\n", err)
					failed = true
					continue
				}
				if len(ds) == 0 {
					fmt.Fprintf(s.err, "sanctions: %s: no events found\n", name)
				}
				drafts = append(drafts, extract.Unique(ds, used)...)
			}
			if failed {
				return withStatus(exitError, nil) // the errors are said; nothing half-done on standard output
			}
			var buf bytes.Buffer
			if err := extract.Encode(&buf, format, drafts); err != nil {
				return withStatus(exitError, err)
			}
			out := s.out
			if output != "" && output != "-" {
				if err := atomicfile.WriteFile(output, buf.Bytes(), 0o644); err != nil {
					return withStatus(exitError, err)
				}
			} else if _, err := out.Write(buf.Bytes()); err != nil {
				return withStatus(exitError, err)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVarP(&format, "format", "f", "yaml", "yaml or json")
	f.StringVar(&date, "date", "", "the articles' date (YYYY-MM-DD), when they do not say")
	f.StringVar(&publisher, "publisher", "", "the articles' publisher, when they do not say")
	f.StringVarP(&output, "output", "o", "", "write the drafts to this file instead of standard output")
	return cmd
}

// readInput reads a file, or standard input for "-", up to the article limit.
func readInput(s *streams, name string) ([]byte, error) {
	var r io.Reader
	if name == "-" {
		r = s.in
	} else {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, extract.MaxArticleBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > extract.MaxArticleBytes {
		return nil, fmt.Errorf("larger than %d bytes", extract.MaxArticleBytes)
	}
	return data, nil
}
