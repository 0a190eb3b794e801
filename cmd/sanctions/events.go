package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sanctions-dev/sanctions/internal/checkrun"
	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/events"
)

func newEvents(g *globals, s *streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "events",
		Short: "Work with event files",
		Args:  cobra.NoArgs,
	}
	cmd.AddCommand(newEventsExport(g, s))
	return cmd
}

// newEventsExport writes events in the canonical JSON the checker's validator makes of them
// (dates as strings, country names as ISO codes): the input a stock OPA server needs.
func newEventsExport(g *globals, s *streams) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "export PATH...",
		Short: "Write events in their canonical JSON, the input to send to an OPA server",
		Long: `Export reads events as check does (files, directories, or - for standard input, sniffed) and
writes each valid one in its canonical JSON: the form check evaluates, with dates as strings and
country names as ISO codes. --format ndjson writes one event per line; json, an array.

An event that is not valid is reported on standard error and left out; the exit status is then 2.`,
		Example: `  sanctions events export --format ndjson fixtures/seed`,
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			format = strings.ToLower(format)
			if format != "json" && format != "ndjson" {
				return withStatus(exitError, fmt.Errorf("--format: unknown format %q (want json or ndjson)", format))
			}
			c, err := g.settings(nil)
			if err != nil {
				return err
			}
			eng, err := engine(cmd.Context(), s, c, false, nil) // the library's schema and country names
			if err != nil {
				return err
			}
			lib := eng.Library()
			val, err := events.NewValidator(lib.SchemaPath, lib.Schema, lib.Countries)
			if err != nil {
				return withStatus(exitError, err)
			}
			inputs, err := checkrun.Paths(args, checkrun.Reader("-", events.Auto, s.in))
			if err != nil {
				return withStatus(exitError, err)
			}
			bw := bufio.NewWriter(s.out)
			probs, err := exportEvents(cmd, inputs, val, c.Limits.Events(), newEventWriter(bw, format))
			if err == nil {
				err = bw.Flush()
			}
			if err != nil {
				return withStatus(exitError, err)
			}
			if len(probs) > 0 {
				printProblems(s.err, "events left out", probs)
				return withStatus(exitError, nil)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "ndjson", "json (an array) or ndjson (one event per line)")
	return cmd
}

// exportEvents decodes and validates the events of inputs, in order, passing each valid one to
// write; it returns the problems of the others.
func exportEvents(cmd *cobra.Command, inputs []checkrun.Input, val *events.Validator, lim events.Limits, w *eventWriter) (diag.List, error) {
	var probs diag.List
	for _, in := range inputs {
		probs = append(probs, in.Listing...)
		if in.Open == nil {
			continue
		}
		r, err := in.Open()
		if err != nil {
			probs = append(probs, &diag.Problem{File: in.Name, Message: err.Error()})
			continue
		}
		f, err := events.Decode(cmd.Context(), events.Input{Name: in.Name, Reader: r, Format: in.Format, Sections: in.Sections}, lim,
			func(rec events.Record) error {
				if rec.Problem != nil {
					probs = append(probs, rec.Problem)
					return nil
				}
				if p := val.Check(rec.Event); len(p) > 0 {
					probs = append(probs, p...)
					return nil
				}
				return w.write(rec.Event.Doc)
			})
		r.Close()
		if err != nil {
			return probs, err
		}
		probs = append(probs, f.Problems...)
	}
	return probs, w.close()
}

// eventWriter writes events as NDJSON lines or as one JSON array.
type eventWriter struct {
	w      io.Writer
	array  bool
	wrote  bool
	closed bool
}

func newEventWriter(w io.Writer, format string) *eventWriter {
	return &eventWriter{w: w, array: format == "json"}
}

func (e *eventWriter) write(doc map[string]any) error {
	data, err := json.Marshal(doc)
	if err != nil {
		return fmt.Errorf("encoding an event: %w", err)
	}
	var out string
	switch {
	case !e.array:
		out = string(data) + "\n"
	case e.wrote:
		out = ",\n  " + string(data)
	default:
		out = "[\n  " + string(data)
	}
	e.wrote = true
	_, err = io.WriteString(e.w, out)
	return err
}

func (e *eventWriter) close() error {
	if !e.array || e.closed {
		return nil
	}
	e.closed = true
	end := "\n]\n"
	if !e.wrote {
		end = "[]\n"
	}
	_, err := io.WriteString(e.w, end)
	return err
}
