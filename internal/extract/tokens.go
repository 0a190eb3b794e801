package extract

import "strings"

// token is a word of a sentence as the data tables key words (phrase.Words): a run of ASCII
// letters and digits, lower-cased, with its place in the sentence and what precedes it.
type token struct {
	w          string // the word, lower case
	start, end int    // byte offsets in the sentence
	gap        string // the text between the previous token and this one
}

// tokenize splits s the way phrase.Words does, keeping offsets.
func tokenize(s string) []token {
	var toks []token
	prev := 0
	for i := 0; i < len(s); {
		if !isWordByte(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isWordByte(s[j]) {
			j++
		}
		w := strings.ToLower(s[i:j])
		if n := len(toks); n > 0 && s[prev:i] == "," && j-i == 3 && allDigits(w) && allDigits(toks[n-1].w) {
			toks[n-1].w += w // 1,500: one number
			toks[n-1].end = j
		} else {
			toks = append(toks, token{w: w, start: i, end: j, gap: s[prev:i]})
		}
		prev = j
		i = j
	}
	return toks
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// comma says whether the gap before a token holds a clause break: a comma, a semicolon, a
// colon, or a quotation mark.
func (t token) comma() bool {
	return strings.ContainsAny(t.gap, ",;:\"“”")
}

// possessive says whether the token is the s of "Korea's".
func (t token) possessive() bool {
	return t.w == "s" && (strings.HasSuffix(t.gap, "'") || strings.HasSuffix(t.gap, "’"))
}

func allDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}
