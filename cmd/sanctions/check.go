package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/sanctions-dev/sanctions/config"
	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/atomicfile"
	"github.com/sanctions-dev/sanctions/internal/baseline"
	"github.com/sanctions-dev/sanctions/internal/checkrun"
	"github.com/sanctions-dev/sanctions/internal/events"
	"github.com/sanctions-dev/sanctions/internal/report"
)

func newCheck(g *globals, s *streams) *cobra.Command {
	var output, writeBaseline, useBaseline string
	var quiet, watching bool
	cmd := &cobra.Command{
		Use:   "check PATH...",
		Short: "Check event files against the rules and report findings",
		Long: `Check reads events from files, directories (searched recursively for .yaml, .yml, .json,
.ndjson and .jsonl files) or standard input (-), evaluates every rule on every event, and reports
the findings.

Exit status: 0 when no finding is at or above --fail-on and there is no error; 1 when there are
findings at or above --fail-on; 2 on any error (bad usage, an invalid input, a rule that fails),
after evaluating every valid event.`,
		Example: `  sanctions check fixtures/
  sanctions check --format json --fail-on high events.ndjson
  extract-events article.txt | sanctions check --input-format yaml -`,
		Args: needInputs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("show-exempted") {
				fmt.Fprintln(s.err, "sanctions: --show-exempted is no longer needed: exempted findings are always listed under their event")
			}
			once := func() error {
				var vp *viper.Viper // the settings, to say where a bad value came from
				from := func(key, flag string) string { return config.Source(vp, key, cmd.Flags().Lookup(flag)) }
				c, err := g.settings(func(v *viper.Viper) error {
					vp = v
					for key, flag := range map[string]string{
						"check.format": "format", "check.fail_on": "fail-on",
						"check.input_format": "input-format", "check.workers": "workers",
						"check.keep_going": "keep-going", "limits.event_timeout": "event-timeout",
					} {
						if err := v.BindPFlag(key, cmd.Flags().Lookup(flag)); err != nil {
							return err
						}
					}
					return nil
				})
				if err != nil {
					return err
				}
				failOn, err := parseFailOn(c.Check.FailOn)
				if err != nil {
					return withStatus(exitError, fmt.Errorf("%s: %w", from("check.fail_on", "fail-on"), err))
				}
				inFormat, err := events.ParseFormat(c.Check.InputFormat)
				if err != nil {
					return withStatus(exitError, fmt.Errorf("%s: %w", from("check.input_format", "input-format"), err))
				}
				eng, err := engine(cmd.Context(), s, c, c.Check.KeepGoing)
				if err != nil {
					return err
				}
				renderer, err := report.Lookup(c.Check.Format, report.Options{Quiet: quiet, Color: colorFor(s.out, output),
					CategoryColours: eng.Library().CategoryColours()})
				if err != nil {
					return withStatus(exitError, fmt.Errorf("%s: %w", from("check.format", "format"), err))
				}
				inputs, err := checkrun.Paths(args, checkrun.Reader("-", inFormat, s.in))
				if err != nil {
					return withStatus(exitError, err)
				}
				run := &checkrun.Check{Inputs: inputs, Workers: c.Check.Workers, Limits: inputLimits(c)}
				// --output is written to a temporary file beside it, renamed over it only once the
				// whole report is written: a run that fails midway leaves any earlier report whole.
				out := s.out
				var pending *atomicfile.File
				if output != "" && output != "-" {
					if pending, err = atomicfile.Create(output, 0o644); err != nil {
						return withStatus(exitError, fmt.Errorf("--output: %w", err))
					}
					defer pending.Abort()
					out = pending
				}
				bw := bufio.NewWriterSize(out, 64<<10)
				rep := checkrun.NewReport(eng)
				rep.Tool = toolInfo()
				// The verdicts flow: check run -> recorder (--write-baseline) -> filter (--baseline) -> writer.
				writer := report.NewWriter(bw, renderer, rep)
				var sink report.Sink = writer
				var filter *baseline.Filter
				if useBaseline != "" {
					b, err := baseline.Load(useBaseline)
					if err != nil {
						return withStatus(exitError, fmt.Errorf("--baseline: %w", err))
					}
					filter = b.Filter(sink)
					sink = filter
				}
				var recorder *baseline.Recorder
				if writeBaseline != "" {
					recorder = baseline.NewRecorder(sink)
					sink = recorder
				}
				if err := run.RunTo(cmd.Context(), eng, sink); err != nil {
					return withStatus(exitError, err)
				}
				if filter != nil {
					rep.Baseline = filter.Info(useBaseline)
				}
				if err := writer.Close(); err != nil {
					return withStatus(exitError, fmt.Errorf("writing the report: %w", err))
				}
				if err := bw.Flush(); err != nil {
					return withStatus(exitError, fmt.Errorf("writing the report: %w", err))
				}
				if pending != nil {
					if err := pending.Commit(); err != nil {
						return withStatus(exitError, fmt.Errorf("writing the report: %w", err))
					}
				}
				if recorder != nil {
					var buf bytes.Buffer
					if err := recorder.File.Write(&buf); err != nil {
						return withStatus(exitError, err)
					}
					if err := atomicfile.WriteFile(writeBaseline, buf.Bytes(), 0o644); err != nil {
						return withStatus(exitError, err)
					}
				}
				switch {
				case len(rep.Errors) > 0:
					return withStatus(exitError, nil)
				case failOn != "" && rep.Worst().Rank() >= failOn.Rank():
					return withStatus(exitFindings, nil)
				}
				return nil
			}
			if !watching {
				return once()
			}
			if slices.Contains(args, "-") {
				return withStatus(exitError, errors.New("--watch cannot watch standard input: give files or directories"))
			}
			return watchLoop(cmd.Context(), s, func() []string { return g.watchPaths(args) }, once)
		},
	}
	f := cmd.Flags()
	d := config.Default() // the one place defaults are written: config/defaults.yaml
	f.StringP("format", "f", d.Check.Format, "report format: "+strings.Join(report.Names(), ", "))
	f.String("fail-on", d.Check.FailOn, "exit 1 when a finding is at or above this severity: critical, high, medium, low, info, or never")
	f.String("input-format", d.Check.InputFormat, "format of standard input (-): auto (sniffed from its first bytes), yaml, json or ndjson")
	f.Int("workers", d.Check.Workers, "evaluations at once (0: one per CPU)")
	f.Bool("keep-going", d.Check.KeepGoing, "leave out the rules that do not load, report them (exit 2), and run the others")
	f.Duration("event-timeout", d.Limits.EventTimeout, "time limit of the rules' evaluation of one event (0: none)")
	f.StringVarP(&output, "output", "o", "", "write the report to this file instead of standard output")
	f.BoolVarP(&quiet, "quiet", "q", false, "text format: print only the summary")
	f.Bool("show-exempted", false, "no longer needed: exempted findings are always listed under their event")
	_ = f.MarkHidden("show-exempted")
	f.StringVar(&writeBaseline, "write-baseline", "", "record the findings (by event id and rule id) in this file, to accept them")
	f.BoolVarP(&watching, "watch", "w", false, "run again whenever a rule, data table, config file or input changes (Ctrl-C stops)")
	f.StringVar(&useBaseline, "baseline", "", "report, and fail on, only the findings this baseline file does not hold; list its entries that no longer occur")
	return cmd
}

// parseFailOn reads --fail-on, in any case; "never" gives "".
func parseFailOn(s string) (evaluator.Severity, error) {
	s = strings.ToLower(s)
	if s == "never" {
		return "", nil
	}
	if _, err := evaluator.ParseSeverity(s); err != nil {
		return "", fmt.Errorf("unknown severity %q (want critical, high, medium, low, info or never)", s)
	}
	return evaluator.Severity(s), nil
}

// colorFor says whether the text report may use colours: only on a terminal, and never when
// NO_COLOR is set (https://no-color.org).
func colorFor(out io.Writer, output string) bool {
	if os.Getenv("NO_COLOR") != "" || (output != "" && output != "-") {
		return false
	}
	f, ok := out.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}
