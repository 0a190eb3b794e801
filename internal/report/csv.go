package report

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/sanctions-dev/sanctions/evaluator"
)

// CSV renders a row per finding, for spreadsheets, and accounts for every event: an exempted
// finding has a row too (outcome exempted, the exemption in its message), an evaluated event
// with neither has one row (outcome no_findings), and every error (a rejected event, a
// rule that failed) has one row at the end (outcome error, with its message). A cell that a
// spreadsheet would read as a formula (starting with =, +, -, @, tab or carriage return: a quote
// "=HYPERLINK(...)" in an event) is written with a leading apostrophe, as OWASP advises. Each
// row of an event ends with its date (a range as "from to until"), type and summary; quoting is
// the plain quoting of encoding/csv, and evidence quotes are in plain double quotes.
type CSV struct{}

// writeRow writes one row, each cell made safe for spreadsheets.
func writeRow(cw *csv.Writer, row []string) error {
	for i, c := range row {
		if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
			row[i] = "'" + c
		}
	}
	return cw.Write(row)
}

// CSVHeader names the columns.
var CSVHeader = []string{"event_id", "outcome", "file", "line", "rule_id", "title", "regime", "category", "severity", "verdict",
	"confidence", "citations", "reasoning", "evidence", "counter_evidence", "message", "date", "type", "summary"}

// The outcomes of CSV rows.
const (
	OutcomeFinding    = "finding"
	OutcomeExempted   = "exempted" // a finding an exemption turned off
	OutcomeNoFindings = "no_findings"
	OutcomeError      = "error"
)

// Render writes r as CSV.
func (c CSV) Render(w io.Writer, r *Report) error { return renderStream(c, w, r) }

// Begin writes the header.
func (CSV) Begin(w io.Writer, _ *Report) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// End writes a row per error.
func (CSV) End(w io.Writer, r *Report) error {
	cw := csv.NewWriter(w)
	for _, e := range r.Errors {
		line := ""
		if e.Line > 0 {
			line = strconv.Itoa(e.Line)
		}
		if err := writeRow(cw, []string{e.EventID, OutcomeError, e.File, line, e.RuleID, "", "", "", "", "", "", "", "", "", "", e.Error(), "", "", ""}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteResult writes a row per finding and per exempted finding of one event, or one row when
// it has neither.
func (CSV) WriteResult(w io.Writer, _ *Report, res evaluator.Verdict, _ int) error {
	cw := csv.NewWriter(w)
	line := strconv.Itoa(res.Location.Line)
	when := res.Event.Date
	if res.Event.EndDate != "" {
		when += " to " + res.Event.EndDate
	}
	event := []string{when, res.Event.Type, res.Event.Summary}
	if len(res.Findings) == 0 && len(res.Exempted) == 0 {
		row := []string{res.EventID, OutcomeNoFindings, res.Location.File, line, "", "", "", "", "", "", "", "", "", "", "", ""}
		if err := writeRow(cw, append(row, event...)); err != nil {
			return err
		}
	}
	outcomes := []string{OutcomeFinding, OutcomeExempted}
	for i, fs := range [][]evaluator.Finding{res.Findings, res.Exempted} {
		for _, f := range fs {
			var cites, quotes, denials []string
			for _, c := range f.Citations {
				cites = append(cites, "UNSCR "+c.Resolution+" para. "+c.Paragraph)
			}
			for _, e := range f.Evidence {
				quotes = append(quotes, `"`+e.Quote+`" (`+e.Source+")")
			}
			for _, c := range f.CounterEvidence {
				denials = append(denials, c.Status+" by "+c.By)
			}
			message := ""
			if f.Exemption != nil {
				message = exemptionText(f)
			}
			row := []string{res.EventID, outcomes[i], res.Location.File, line, f.RuleID, f.Title, f.Regime,
				f.Category, string(f.Severity), f.Verdict, f.Confidence, strings.Join(cites, "; "),
				strings.Join(f.Reasoning, " "), strings.Join(quotes, "; "), strings.Join(denials, "; "), message}
			row = append(row, event...)
			if err := writeRow(cw, row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
