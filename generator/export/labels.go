package export

import (
	"slices"
	"strings"

	"github.com/waymark-cx/waymark/generator/model"
)

// The keys of the CSV rows: the journey format's own keys, which the
// importer accepts as labels too. The rows above KeyStage describe the
// journey; the lanes (Lanes) and the emotion rows follow it.
const (
	KeyTitle    = "title"
	KeyType     = "type"
	KeyPersonas = "personas"
	KeySummary  = "summary"
	KeyGoal     = "goal"
	KeyOwner    = "owner"
	KeyTags     = "tags"
	KeyStage    = "stage"
	KeyEmotion  = "emotion" // "Emotion (lan)" with several personas
)

// Facts lists the keys of the journey's own rows, in the order CSV
// writes them.
func Facts() []string {
	return []string{KeyTitle, KeyType, KeyPersonas, KeySummary, KeyGoal, KeyOwner, KeyTags}
}

// Words are the labels of a language: of the CSV rows, by their keys
// (KeyTitle, a Lane's Key), and of the hub's columns and Waymark's own
// values in its tables ("hub.text", "hub.yes"). Make them with
// WordsFor; a nil Words is English.
type Words map[string]string

// OverridePrefix starts the UI-string key by which a site renames a
// label: "csv.actions" in i18n/vi.toml renames the Actions row of the
// Vietnamese downloads, "csv.hub.text" the hub's Text column.
const OverridePrefix = "csv."

// label is one word in both built-in languages.
type label struct{ key, en, vi string }

// labels is the one table of the built-in words. Vietnamese follows the
// default theme's wording of the same things on the pages (lane.*,
// blueprint.*, journey.*), so that a download reads like its page.
func labels() []label {
	return []label{
		{KeyTitle, "Journey", "Hành trình"},
		{KeyType, "Type", "Loại bản đồ"},
		{KeyPersonas, "Personas", "Chân dung khách hàng"},
		{KeySummary, "Summary", "Tóm tắt"},
		{KeyGoal, "Goal", "Mục tiêu"},
		{KeyOwner, "Owner", "Phụ trách"},
		{KeyTags, "Tags", "Thẻ"},
		{KeyStage, "Stage", "Giai đoạn"},
		{KeyEmotion, "Emotion", "Cảm xúc"},
		{"description", "Description", "Mô tả"},
		{"duration", "Duration", "Thời gian"},
		{"actions", "Actions", "Hành động"},
		{"thoughts", "Thoughts", "Suy nghĩ"},
		{"questions", "Questions", "Câu hỏi"},
		{"touchpoint", "Touchpoints", "Điểm chạm"},
		{"feeling", "Feeling", "Cảm nhận"},
		{"pain_points", "Pain points", "Điểm đau"},
		{"opportunities", "Opportunities", "Cơ hội"},
		{"metric", "Metrics", "Chỉ số"},
		{"drop_off", "Drop-off", "Tỷ lệ rời bỏ"},
		{"evidence", "Evidence", "Bằng chứng hữu hình"},
		{"frontstage", "Frontstage", "Tiền sảnh"},
		{"backstage", "Backstage", "Hậu trường"},
		{"support", "Support", "Quy trình hỗ trợ"},
		{"policies", "Policies", "Chính sách"},
		{"fail_points", "Fail points", "Điểm lỗi"},
		{"wait", "Wait", "Điểm chờ"},

		// The hub's columns and values (hub.go); export only.
		{"hub.journey_url", "Journey URL", "Địa chỉ hành trình"},
		{"hub.stage_url", "Stage URL", "Địa chỉ giai đoạn"},
		{"hub.text", "Text", "Nội dung"},
		{"hub.severity", "Severity", "Mức độ"},
		{"hub.status", "Status", "Trạng thái"},
		{"hub.kind", "Kind", "Loại"},
		{"hub.touchpoint", "Touchpoint", "Điểm chạm"},
		{"hub.channel", "Channel", "Kênh"},
		{"hub.fail_point", "Fail point", "Điểm lỗi"},
		{"hub.metric", "Metric", "Chỉ số"},
		{"hub.value", "Value", "Giá trị"},
		{"hub.target", "Target", "Mục tiêu"},
		{"hub.unit", "Unit", "Đơn vị"},
		{"hub.better", "Better", "Tốt hơn khi"},
		{"hub.stages", "Stages", "Số giai đoạn"},
		{"hub.last_reviewed", "Last reviewed", "Rà soát lần cuối"},
		{"hub.persona_count", "Persona count", "Số chân dung"},
		{"hub.pain_point", "pain point", "điểm đau"},
		{"hub.opportunity", "opportunity", "cơ hội"},
		{"hub.yes", "yes", "có"},
		{"hub.higher", "higher", "cao hơn"},
		{"hub.lower", "lower", "thấp hơn"},
		{"hub.on_target", "on target", "đạt mục tiêu"},
		{"hub.off_target", "off target", "chưa đạt mục tiêu"},
		{"hub.no_value", "no value", "chưa có giá trị"},
		{"hub.no_target", "no target", "chưa có mục tiêu"},

		// The priorities' columns and values (priorities.go); the
		// scores' own keys label the journey CSV's details too.
		{"value", "Value", "Giá trị khách hàng"},
		{"business_value", "Business value", "Giá trị kinh doanh"},
		{"effort", "Effort", "Công sức"},
		{"confidence", "Confidence", "Độ tin cậy"},
		{"hub.rank", "Rank", "Thứ hạng"},
		{"hub.score", "Score", "Điểm ưu tiên"},
		{"hub.quadrant", "Quadrant", "Góc phần tư"},
		{"hub.evidence", "Evidence", "Bằng chứng"},
		{"hub.quadrant.quick-wins", "quick win", "thắng nhanh"},
		{"hub.quadrant.big-bets", "big bet", "đặt cược lớn"},
		{"hub.quadrant.fill-ins", "fill-in", "làm khi rảnh"},
		{"hub.quadrant.time-sinks", "time sink", "tốn công, ít lợi"},
		{"hub.unscored", "not scored", "chưa chấm điểm"},
	}
}

// cellWords are the words inside a journey CSV's cells: the keys of an
// item's, a touchpoint's, a metric's and an action's details ("owner:"),
// and Waymark's own values there (a map's type, an item's status, a
// touchpoint's kind), which the hub's CSV files write too. The importer
// reads a cell in either language (ParseItem and the others), so a
// site does not rename these: a CSV it wrote would not read back. Keys
// and values are lower case in both languages but for the map types,
// which read as the pages name them; the importer matches them without
// regard to case. Vietnamese follows the default theme's wording
// (status.*, kind.*, type.*, touchpoint.*).
func cellWords() []label {
	return []label{
		{"detail.owner", "owner", "phụ trách"},
		{"detail.status", "status", "trạng thái"},
		{"detail.severity", "severity", "mức độ"},
		{"detail.value", "value", "giá trị khách hàng"},
		{"detail.business_value", "business_value", "giá trị kinh doanh"},
		{"detail.effort", "effort", "công sức"},
		{"detail.confidence", "confidence", "độ tin cậy"},
		{"detail.evidence", "evidence", "bằng chứng"},
		{"detail.channel", "channel", "kênh"},
		{"detail.kind", "kind", "loại"},
		{"detail.emotion", "emotion", "cảm xúc"},
		{"detail.fail_point", "fail point", "điểm lỗi"},
		{"detail.description", "description", "mô tả"},
		{"detail.metric_value", "value", "giá trị"},
		{"detail.target", "target", "mục tiêu"},
		{"detail.unit", "unit", "đơn vị"},
		{"detail.lower_is_better", "lower is better", "càng thấp càng tốt"},
		{"detail.personas", "personas", "chân dung"},

		{"status.open", "open", "chưa xử lý"},
		{"status.planned", "planned", "đã lên kế hoạch"},
		{"status.in-progress", "in-progress", "đang thực hiện"},
		{"status.done", "done", "hoàn thành"},
		{"kind.people", "people", "con người"},
		{"kind.product", "product", "sản phẩm"},
		{"kind.digital", "digital", "kỹ thuật số"},
		{"type.current-state", "current-state", "Hiện trạng"},
		{"type.future-state", "future-state", "Trạng thái tương lai"},
		{"type.day-in-the-life", "day-in-the-life", "Một ngày của khách hàng"},
		{"type.service-blueprint", "service-blueprint", "Bản thiết kế dịch vụ"},
	}
}

// cellWord reads a word of a cell that is one of keys (cellWords), in
// either language and any case: its key, or "" when it is none of them.
func cellWord(s string, keys ...string) string {
	s = strings.TrimSpace(s)
	for _, w := range cellWords() {
		if slices.Contains(keys, w.key) && (strings.EqualFold(s, w.en) || strings.EqualFold(s, w.vi)) {
			return w.key
		}
	}
	return ""
}

// ParseValue reads one of Waymark's own values of a group ("status",
// "kind", "type") in either language and any case: the value as the
// journey format writes it ("in-progress" for "Đang thực hiện").
func ParseValue(group, s string) (string, bool) {
	if k := cellWord(s, groupKeys(group)...); k != "" {
		return strings.TrimPrefix(k, group+"."), true
	}
	return "", false
}

// ValueSpellings lists how a group's values are written in a cell,
// English first, then Vietnamese: for the hints of errors.
func ValueSpellings(group string) (en, vi []string) { return cellSpellings(groupKeys(group)...) }

// groupKeys are the keys of a group's values in cellWords.
func groupKeys(group string) []string {
	var keys []string
	for _, w := range cellWords() {
		if strings.HasPrefix(w.key, group+".") {
			keys = append(keys, w.key)
		}
	}
	return keys
}

// cellSpellings lists how keys are written, English first, then
// Vietnamese: for the hints of the importer's errors.
func cellSpellings(keys ...string) (en, vi []string) {
	for _, w := range cellWords() {
		if slices.Contains(keys, w.key) {
			en, vi = append(en, w.en), append(vi, w.vi)
		}
	}
	return en, vi
}

// WordsFor gives the built-in words of a language ("en" or "vi"; any
// other is English), with a site's own on top: own maps UI-string keys
// ("csv.actions") to labels, as the site's string files do; keys that
// name no word, and empty labels, are left out.
func WordsFor(lang string, own map[string]string) Words {
	w := Words{}
	for _, l := range labels() {
		w[l.key] = l.en
		if lang == "vi" {
			w[l.key] = l.vi
		}
		if s := strings.TrimSpace(own[OverridePrefix+l.key]); s != "" {
			w[l.key] = s
		}
	}
	for _, l := range cellWords() {
		w[l.key] = l.en
		if lang == "vi" {
			w[l.key] = l.vi
		}
	}
	return w
}

// Renamed gives only the labels a site renames: of the UI strings given
// (a string file's), those with OverridePrefix and a key; nil when none.
// The importer takes them besides the built-in words.
func Renamed(strs map[string]string) Words {
	var w Words
	for _, l := range labels() {
		if s := strings.TrimSpace(strs[OverridePrefix+l.key]); s != "" {
			if w == nil {
				w = Words{}
			}
			w[l.key] = s
		}
	}
	return w
}

// OverrideKeys lists the UI-string keys a site may set to rename a label
// (OverridePrefix and a key), in the table's order.
func OverrideKeys() []string {
	var out []string
	for _, l := range labels() {
		out = append(out, OverridePrefix+l.key)
	}
	return out
}

// Languages lists the languages with built-in words; a site's language
// outside it gets English.
func Languages() []string { return []string{"en", "vi"} }

// Value is one of Waymark's own values of a group ("status", "kind",
// "type") as a cell writes it in w's language: "Đang thực hiện" for the
// status "in-progress"; a value with no word is itself.
func (w Words) Value(group, v string) string {
	if s, ok := w[group+"."+v]; ok {
		return s
	}
	return v
}

// Of is the label of key; a key with no word (a bug) is itself.
func (w Words) Of(key string) string {
	if w == nil {
		w = WordsFor("en", nil)
	}
	if s, ok := w[key]; ok {
		return s
	}
	return key
}

// Emotion is the label of a persona's emotion row in a journey with
// several personas, "Emotion (lan)"; with one persona or none the row is
// plain "Emotion".
func (w Words) Emotion(persona string) string {
	if persona == "" {
		return w.Of(KeyEmotion)
	}
	return w.Of(KeyEmotion) + " (" + persona + ")"
}

// Language is the language a journey's downloads are written in: its
// own [params] language when it names a built-in one (the built-in
// templates do: the Vietnamese ones say "vi"), else the site's.
func Language(j *model.Journey, site string) string {
	if l, ok := j.Params["language"].(string); ok && slices.Contains(Languages(), l) {
		return l
	}
	return site
}
