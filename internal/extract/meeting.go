package extract

import (
	"slices"
	"strings"
)

// meeting reads visits, meetings, talks and summits: the states of the people and places named.
func (st *state) meeting(s *sentence, t trigger) *event {
	e := st.newEvent("meeting", s, t, "")
	e.items = nil
	seg := s.segmentStart(t.i)
	for _, m := range s.ments {
		if m.start < seg || (m.start > t.i && s.segmentStart(m.start) != seg) {
			continue // another part of the sentence: who says so, what else happened
		}
		switch s.prepBefore(m) {
		case "in", "into", "at", "near", "off", "over", "across", "via", "through", "against", "on":
			if m.start < t.i || m.actor == nil {
				continue // a place: "its war in Ukraine"
			}
		}
		if st.speaks(s, m) {
			continue // "Washington fears", "KCNA reported": who says it, not who met
		}
		if m.isParty() && m.country != "" {
			if m.actor != nil && m.actor.Kind == "media" {
				continue
			}
			if !slices.Contains(e.participants, m.country) {
				e.participants = append(e.participants, m.country)
			}
			if m.actor != nil && m.actor.Kind == "person" && !slices.ContainsFunc(e.people, func(p Party) bool { return p.Name == m.actor.Name }) {
				e.people = append(e.people, Party{Name: m.actor.Name, Country: m.actor.Country, Kind: "person", Role: "participant"})
			}
		}
	}
	// "Putin, on his first visit to Pyongyang, ...": who visits is before the aside.
	if seg > 0 {
		for _, m := range s.ments {
			if m.start < s.segmentStart(seg-1) || m.end > seg {
				continue
			}
			if m.country != "" && s.prepBefore(m) == "" && !st.speaks(s, m) && !slices.Contains(e.participants, m.country) {
				e.participants = append([]string{m.country}, e.participants...)
				if m.actor != nil && m.actor.Kind == "person" {
					e.people = append(e.people, Party{Name: m.actor.Name, Country: m.actor.Country, Kind: "person", Role: "participant"})
				}
			}
			break
		}
	}
	if to := st.after(s, t.i, "to", "in", "for"); len(to) > 0 {
		e.location = to[0].country
	} else if o, ok := st.object(s, t.i, t.n); ok {
		e.location = o.country
	}
	if t.anaphor {
		e.vague = true
	}
	if len(e.participants) == 0 {
		return nil
	}
	e.rules = append(e.rules, "participants: "+strings.Join(e.participants, ", "))
	return e
}

// speaks says whether a party is the subject of a say or hedge verb: "Washington fears" (not
// "a summit with Putin, the Kremlin said": a comma ends the party's part).
func (st *state) speaks(s *sentence, m mention) bool {
	for k := m.end; k < len(s.toks) && k <= m.end+2; k++ {
		if s.toks[k].comma() {
			return false
		}
		if st.x.lx.has(s.toks, k, "say") > 0 || st.x.lx.has(s.toks, k, "hedge") > 0 || st.x.lx.has(s.toks, k, "confirm") > 0 {
			return true
		}
	}
	return false
}
