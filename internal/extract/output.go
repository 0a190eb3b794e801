package extract

import (
	"fmt"
	"math"
	"slices"
	"time"
)

// unnamed names a party the article does not name.
const unnamed = "not named in the article"

// draft writes an event out in the event format.
func (st *state) draft(e *event, n int) Draft {
	a := st.a
	d := Draft{
		ID:      fmt.Sprintf("%s-%d", st.source, n),
		Type:    e.typ,
		Summary: e.summary,
		Sources: []Source{{ID: st.source, Publisher: a.Publisher, Title: a.Title, URL: a.URL, Published: a.Date.Format("2006-01-02")}},
	}
	if d.Summary == "" {
		d.Summary = e.evidence[0]
	}
	if len(d.Summary) > 400 {
		d.Summary = d.Summary[:397] + "..."
	}
	score := 1.0
	rules := slices.Clone(e.rules)
	if e.period.from.zero() {
		d.Date = aDate{time.Date(a.Date.Year(), a.Date.Month(), 1, 0, 0, 0, 0, time.UTC), month}.String()
		rules = append(rules, fmt.Sprintf("date %s: the article's month, for want of a date in the text", d.Date))
		score -= 0.15
	} else {
		d.Date = e.period.from.String()
		if u := e.period.until; !u.zero() && u.String() != d.Date && u.last().After(e.period.from.last()) {
			d.EndDate = u.String()
		}
	}
	switch {
	case directional[e.typ] || (e.supplier != "" && e.recipient != ""):
		// The event format needs both; a party the article does not name is written so.
		d.Supplier, d.Recipient = &Party{Country: e.supplier}, &Party{Country: e.recipient}
		if e.supplier == "" {
			d.Supplier = &Party{Name: unnamed, Kind: "unknown"}
			score -= 0.25
			rules = append(rules, "supplier: not found")
		}
		if e.recipient == "" {
			d.Recipient = &Party{Name: unnamed, Kind: "unknown"}
			score -= 0.25
			rules = append(rules, "recipient: not found")
		}
		if e.stage == "used" && e.recipient != "" {
			d.Parties = append(d.Parties, Party{Country: e.recipient, Role: "end_user"})
		}
	}
	switch e.typ {
	case "launch":
		if e.operator != "" {
			d.Parties = append(d.Parties, Party{Country: e.operator, Role: "operator"})
		} else {
			score -= 0.25
			rules = append(rules, "operator: not found")
		}
	case "meeting", "agreement", "cooperation":
		d.Parties = append(d.Parties, e.people...)
		for _, c := range e.participants {
			if !slices.ContainsFunc(d.Parties, func(p Party) bool { return p.Country == c }) {
				d.Parties = append(d.Parties, Party{Country: c, Role: "participant"})
			}
		}
	}
	specific := e.specific()
	for _, it := range e.items {
		if it.generic && len(specific) > 0 {
			continue // "weapons", when the article says which
		}
		out := Item{Description: it.desc, Quantity: it.quantity}
		if it.explicit {
			out.Category = it.category
		}
		if e.stage == "used" {
			out.Stage = "used"
		}
		d.Items = append(d.Items, out)
	}
	if directional[e.typ] && e.typ != "labour" && e.typ != "deployment" && len(specific) == 0 {
		score -= 0.15
		rules = append(rules, "items: none that the taxonomy places precisely")
	}
	if e.location != "" {
		d.Location = &Place{Country: e.location}
	}
	parties := map[string]bool{e.supplier: true, e.recipient: true, e.operator: true}
	for _, p := range e.participants {
		parties[p] = true
	}
	for _, c := range e.claims {
		if c.Status == "reported" && c.By.Country != "" && parties[c.By.Country] && c.By.Kind != "media" {
			c.Status = "confirmed" // a party says it of itself
			rules = append(rules, fmt.Sprintf("claim: confirmed, as %s speaks for a party to the event", c.By.label()))
		}
		if !slices.Contains(d.Claims, c) {
			d.Claims = append(d.Claims, c)
		}
		if c.By.Kind == "media" && c.By.Name == a.Publisher && len(e.claims) == 1 {
			score -= 0.1
		}
	}
	for _, q := range e.evidence {
		d.Evidence = append(d.Evidence, Evidence{Quote: q, Source: st.source})
	}
	d.X.Extraction = Extraction{Article: a.Name, Score: round2(max(score, 0.05)), Rules: rules}
	return d
}

// Unique renames the source (and the events) of an article's drafts when another article of the
// same run already used its id (the same publisher on the same day): efe-2024-01-15-b.
func Unique(ds []Draft, used map[string]bool) []Draft {
	if len(ds) == 0 {
		return ds
	}
	src := ds[0].Sources[0].ID
	id := src
	for n := 2; used[id]; n++ {
		id = fmt.Sprintf("%s-%d", src, n)
	}
	used[id] = true
	if id == src {
		return ds
	}
	for i := range ds {
		d := &ds[i]
		d.ID = id + d.ID[len(src):]
		for j := range d.Sources {
			d.Sources[j].ID = id
		}
		for j := range d.Claims {
			d.Claims[j].Source = id
		}
		for j := range d.Evidence {
			d.Evidence[j].Source = id
		}
	}
	return ds
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }
