package extract

import (
	"fmt"
	"slices"
	"strings"

	"github.com/sanctions-dev/sanctions/internal/phrase"
)

// claimOf says who the sentence says the events on its authority, and how surely.
func (st *state) claimOf(s *sentence) (Claim, string) {
	lx := st.x.lx
	status := "reported"
	hedge := ""
	confirm := ""
	for i := range s.toks {
		if n := lx.has(s.toks, i, "hedge"); n > 0 && hedge == "" && !(i+n < len(s.toks) && lx.listed(s.toks[i+n].w, "event_noun")) {
			hedge = s.span(i, i+n) // ("the alleged transfer": that transfer only, below)
		}
		if n := lx.has(s.toks, i, "confirm"); n > 0 && confirm == "" && !st.negated(s, i) {
			confirm = s.span(i, i+n)
		}
	}
	switch {
	case hedge != "":
		status = "alleged"
	case confirm != "":
		status = "confirmed"
	}
	by, how := st.speakerOf(s)
	why := fmt.Sprintf("claim: %s by %s", status, how)
	if hedge != "" {
		why += fmt.Sprintf(" ('%s': alleged)", hedge)
	} else if confirm != "" {
		why += fmt.Sprintf(" ('%s': confirmed)", confirm)
	}
	return Claim{Status: status, By: by, Source: st.source}, why
}

// speakerOf finds who says what the sentence says: the subject of its say verb, or what
// follows "according to"; else the publisher.
func (st *state) speakerOf(s *sentence) (Claimant, string) {
	lx := st.x.lx
	for i := range s.toks {
		n := lx.has(s.toks, i, "say")
		if n == 0 {
			n = max(lx.has(s.toks, i, "confirm"), lx.has(s.toks, i, "deny"))
		}
		if n == 0 && i > 0 && !isAux(s.toks[i-1].w) {
			n = lx.has(s.toks, i, "hedge") // "Seoul estimates", "Japan strongly suspects" (not "is believed")
		}
		if n == 0 || !verbUse(s, i, n) {
			continue
		}
		if keyOf(s.toks[i:i+n]) == "according to" {
			for _, m := range s.ments {
				if m.start >= i+n && m.isParty() {
					c := st.claimantOf(s, m)
					st.speaker = &c
					return c, fmt.Sprintf("'%s', after 'according to'", s.span(m.start, m.end))
				}
			}
			continue
		}
		// The part of the sentence before the verb, past a relative clause: "The report by the
		// Panel of Experts, which monitors sanctions on Pyongyang, said".
		end := i
		seg := s.segmentStart(i)
		for seg > 0 && (seg == end || s.toks[seg].w == "which" || s.toks[seg].w == "who") {
			end = seg
			seg = s.segmentStart(seg - 1)
		}
		if m, ok := st.speakerMention(s, seg, end); ok {
			c := st.claimantOf(s, m)
			st.speaker = &c
			return c, fmt.Sprintf("'%s', who '%s'", s.span(m.start, m.end), s.span(i, i+n))
		}
		words := strings.TrimSpace(strings.Trim(s.span(seg, end), "\"“” "))
		if words == "" {
			continue
		}
		first := s.toks[seg].w
		if lx.listed(first, "last_speaker") && st.speaker != nil && len(strings.Fields(words)) <= 3 {
			return *st.speaker, fmt.Sprintf("'%s', the last speaker named", words)
		}
		// The words just before the verb, after any conjunction: "new evidence revealed".
		f := strings.Fields(words)
		for k := len(f) - 1; k >= 0; k-- {
			if lx.listed(strings.ToLower(f[k]), "subject_start") {
				f = f[k+1:]
				k = -1
			}
		}
		if len(f) > 0 && len(f) <= 5 {
			c := Claimant{Name: strings.Join(f, " "), Kind: "unknown"}
			return c, fmt.Sprintf("'%s', who '%s'", c.Name, s.span(i, i+n))
		}
	}
	c := st.publisher()
	return c, fmt.Sprintf("the publisher, %s (nobody else is said to say it)", c.Name)
}

// verbUse tells a say or hedge word used as a verb ("Seoul estimates", "KCNA reported") from
// the same word used of a thing: after a determiner ("the alleged transfer", "the report said",
// whose verb is "said"), before an event noun ("alleged transfers") or before a word that makes
// it a noun ("state media").
func verbUse(s *sentence, i, n int) bool {
	if i > 0 && (determiners[s.toks[i-1].w] || s.toks[i-1].w == "a" || s.toks[i-1].w == "an") {
		return false
	}
	if i+n < len(s.toks) && (s.lx.listed(s.toks[i+n].w, "event_noun") || s.lx.listed(s.toks[i+n].w, "say_noun_after")) {
		return false
	}
	return true
}

// label names a claimant in a rule: "Seoul (KR)", "KP", "EFE".
func (c Claimant) label() string {
	switch {
	case c.Name != "" && c.Country != "":
		return fmt.Sprintf("%s (%s)", c.Name, c.Country)
	case c.Name != "":
		return c.Name
	}
	return c.Country
}

// speakerMention is the party that says something: the nearest before the verb in its part of
// the sentence, that no preposition but "by" introduces, and close enough to be its subject
// ("Choe's visit comes after new evidence revealed" is said by the evidence, not by Choe).
func (st *state) speakerMention(s *sentence, seg, end int) (mention, bool) {
	for k := len(s.ments) - 1; k >= 0; k-- {
		m := s.ments[k]
		if !m.isParty() || m.end > end || m.start < seg {
			continue
		}
		if p := s.prepBefore(m); p != "" && p != "by" && p != "and" {
			continue
		}
		gap := s.toks[m.end:end]
		if len(gap) > 5 {
			return mention{}, false
		}
		for _, t := range gap {
			if s.lx.listed(t.w, "speaker_break") {
				return mention{}, false
			}
		}
		return m, true
	}
	return mention{}, false
}

func (st *state) publisher() Claimant {
	c := Claimant{Name: st.a.Publisher, Kind: "media"}
	if a, n := st.x.lx.actors.longest(tokenize(st.a.Publisher), 0); n > 0 && n == len(tokenize(st.a.Publisher)) {
		c.Country, c.Kind = a.Country, a.Kind
	}
	return c
}

// claimantOf describes a speaker: an actor of the table, an organ of a state ("South Korea's
// unification ministry"), a group ("a Washington research group"), or a state.
func (st *state) claimantOf(s *sentence, m mention) Claimant {
	// "South Korea's National Intelligence Service": the organ the table knows.
	for _, n := range s.ments {
		if n.actor != nil && n.start > m.end && n.start <= m.end+2 && (n.actor.Country == "" || n.actor.Country == m.country) && m.actor == nil {
			kind := n.actor.Kind
			if n.actor.SpeaksForState {
				kind = "state"
			}
			return Claimant{Name: s.span(m.start, n.end), Country: m.country, Kind: kind}
		}
	}
	if m.actor != nil {
		kind := m.actor.Kind
		if m.actor.SpeaksForState {
			kind = "state"
		}
		return Claimant{Name: m.actor.Name, Country: m.actor.Country, Kind: kind}
	}
	if end := s.followedBy(m, "state_entity"); end > 0 {
		// A later actor of the same state names the organ: "South Korea's unification ministry".
		return Claimant{Name: s.span(m.start, end), Country: m.country, Kind: "state_entity"}
	}
	if end := s.followedBy(m, "ngo"); end > 0 {
		return Claimant{Name: s.span(m.start, end), Country: m.country, Kind: "ngo"}
	}
	c := Claimant{Country: m.country, Kind: "state"}
	if text := s.span(m.start, m.end); phrase.Key(text) != phrase.Key(st.x.lx.CountryName(m.country)) {
		c.Name = strings.TrimPrefix(strings.TrimPrefix(text, "the "), "The ")
	}
	return c
}

// denialOf reads a denial: "Both Pyongyang and Moscow have persistently denied that such arms
// transfers took place"; "Iran's mission said the accusations were false".
func (st *state) denialOf(s *sentence, claim Claim) (denial, bool) {
	lx := st.x.lx
	at := -1
	for i := range s.toks {
		if lx.has(s.toks, i, "deny") > 0 && !st.negated(s, i) {
			at = i
			break
		}
	}
	d := denial{sentence: s.text}
	if at >= 0 {
		for _, m := range s.ments {
			if m.isParty() && m.end <= at && m.start >= s.clauseStart(at) && m.country != "" && !slices.Contains(d.by, m.country) {
				d.by = append(d.by, m.country)
			}
		}
	} else {
		for i := range s.toks {
			if lx.has(s.toks, i, "denial_words") > 0 && claim.By.Country != "" && claim.By.Kind != "media" {
				d.by = []string{claim.By.Country}
				break
			}
		}
	}
	if len(d.by) == 0 {
		return denial{}, false
	}
	for i := range s.toks {
		switch {
		case lx.has(s.toks, i, "transfer") > 0 || lx.has(s.toks, i, "receive") > 0 || lx.listed(s.toks[i].w, "denied_transfer"):
			d.types = appendNew(d.types, "transfer")
		case lx.has(s.toks, i, "deployment") > 0 || lx.has(s.toks, i, "deploy") > 0:
			d.types = appendNew(d.types, "deployment")
		case lx.listed(s.toks[i].w, "denied_report"):
			d.types = nil
			return d, true
		}
	}
	return d, true
}

func appendNew(xs []string, x string) []string {
	if slices.Contains(xs, x) {
		return xs
	}
	return append(xs, x)
}
