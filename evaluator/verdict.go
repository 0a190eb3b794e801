package evaluator

import "github.com/sanctions-dev/sanctions/internal/diag"

// Verdict is what became of one event: rejected (Rejected says why), or evaluated, with its
// findings (possibly none), the findings an exemption turned off, and any rule that failed on
// it. The JSON is a result of the report (docs/findings.md); the same value flows unchanged from
// the engine to every report format.
type Verdict struct {
	EventID  string    `json:"event_id"`
	Location Location  `json:"location"`
	Findings []Finding `json:"findings"`           // sorted by severity, then rule id
	Exempted []Finding `json:"exempted,omitempty"` // findings an exemption turned off, each with its entry
	Event    EventInfo `json:"-"`
	Rejected diag.List `json:"-"` // why the event was not evaluated: then it has no findings
	Failed   diag.List `json:"-"` // rules that failed on the event, each with its id
}

// EventInfo is what reports show of an event besides its findings.
type EventInfo struct {
	Type    string
	Date    string
	EndDate string
	Summary string
	Sources []Source
}

// Source is one of an event's sources, for resolving the source ids of evidence.
type Source struct {
	ID        string
	Publisher string
	Title     string
	URL       string
	Published string
}

// infoOf keeps what reports show of an event, and not the whole document.
func infoOf(ev *Event) EventInfo {
	info := EventInfo{Type: ev.Type, Date: ev.Date, EndDate: ev.EndDate, Summary: ev.Summary}
	sources, _ := ev.Doc["sources"].([]any)
	for _, s := range sources {
		m, _ := s.(map[string]any)
		info.Sources = append(info.Sources, Source{ID: str(m, "id"), Publisher: str(m, "publisher"),
			Title: str(m, "title"), URL: str(m, "url"), Published: str(m, "published")})
	}
	return info
}
