package report

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// CSV renders one row per finding, for spreadsheets.
type CSV struct{}

// CSVHeader names the columns.
var CSVHeader = []string{"event_id", "file", "line", "rule_id", "title", "regime", "category", "severity", "verdict",
	"confidence", "citations", "reasoning", "evidence", "counter_evidence"}

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

// End writes nothing: a CSV has no footer.
func (CSV) End(io.Writer, *Report) error { return nil }

// WriteResult writes a row per finding of one event.
func (CSV) WriteResult(w io.Writer, _ *Report, res Result, _ int) error {
	cw := csv.NewWriter(w)
	{
		for _, f := range res.Findings {
			var cites, quotes, denials []string
			for _, c := range f.Citations {
				cites = append(cites, "UNSCR "+c.Resolution+" para. "+c.Paragraph)
			}
			for _, e := range f.Evidence {
				quotes = append(quotes, strconv.Quote(e.Quote)+" ("+e.Source+")")
			}
			for _, c := range f.CounterEvidence {
				denials = append(denials, c.Status+" by "+c.By)
			}
			row := []string{res.EventID, res.Location.File, strconv.Itoa(res.Location.Line), f.RuleID, f.Title, f.Regime,
				f.Category, string(f.Severity), f.Verdict, f.Confidence, strings.Join(cites, "; "),
				strings.Join(f.Reasoning, " "), strings.Join(quotes, "; "), strings.Join(denials, "; ")}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
