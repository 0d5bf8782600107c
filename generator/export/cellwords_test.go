package export

import (
	"bytes"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/waymark-cx/waymark/generator/hub"
	"github.com/waymark-cx/waymark/generator/model"
)

// TestCellWordsVietnamese checks that the words inside a journey CSV's
// cells (the details' keys, statuses, kinds, map types) are written in
// the journey's language and read back in either, in any case, and that
// every status, kind and map type the model knows has its words.
func TestCellWordsVietnamese(t *testing.T) {
	vi, en := WordsFor("vi", nil), WordsFor("en", nil)
	it := model.Item{Text: "Phí giao hàng hiện muộn", Owner: "Nhóm giá", Status: "in-progress", Severity: 3,
		Scores:   model.Scores{Value: 4, BusinessValue: 3, Effort: 2, Confidence: 0.5, HasConfidence: true},
		Evidence: []model.Evidence{{Ref: "phong-van-thang-8"}}}
	tp := &model.Touchpoint{Name: "Ứng dụng", Channel: "Di động", Kind: "digital", Owner: "Nhóm app", Emotion: 2.5, HasEmotion: true,
		FailPoint: true, Description: "Màn hình thanh toán"}
	met := &model.Metric{Name: "Thời gian chờ", Value: 4.5, HasValue: true, Target: 2, HasTarget: true, Unit: "phút"}
	act := model.Action{Text: "Trả tiền", Emotion: 2, HasEmotion: true, Personas: []string{"lan", "minh"}}
	for _, c := range []struct {
		w                           Words
		item, touch, metric, action string
	}{
		{vi,
			"Phí giao hàng hiện muộn | phụ trách: Nhóm giá | trạng thái: đang thực hiện | mức độ: 3 | giá trị khách hàng: 4 | giá trị kinh doanh: 3 | công sức: 2 | độ tin cậy: 0.5 | bằng chứng: phong-van-thang-8",
			"Ứng dụng | kênh: Di động | loại: kỹ thuật số | phụ trách: Nhóm app | cảm xúc: 2.5 | điểm lỗi | mô tả: Màn hình thanh toán",
			"Thời gian chờ | giá trị: 4.5 | mục tiêu: 2 | đơn vị: phút | càng thấp càng tốt",
			"Trả tiền | cảm xúc: 2 | chân dung: lan, minh"},
		{en,
			"Phí giao hàng hiện muộn | owner: Nhóm giá | status: in-progress | severity: 3 | value: 4 | business_value: 3 | effort: 2 | confidence: 0.5 | evidence: phong-van-thang-8",
			"Ứng dụng | channel: Di động | kind: digital | owner: Nhóm app | emotion: 2.5 | fail point | description: Màn hình thanh toán",
			"Thời gian chờ | value: 4.5 | target: 2 | unit: phút | lower is better",
			"Trả tiền | emotion: 2 | personas: lan, minh"},
	} {
		if got := FormatItem(it, c.w); got != c.item {
			t.Errorf("FormatItem:\n got %s\nwant %s", got, c.item)
		}
		if got := FormatTouchpoint(tp, c.w); got != c.touch {
			t.Errorf("FormatTouchpoint:\n got %s\nwant %s", got, c.touch)
		}
		if got := FormatMetric(met, c.w); got != c.metric {
			t.Errorf("FormatMetric:\n got %s\nwant %s", got, c.metric)
		}
		if got := FormatAction(act, c.w); got != c.action {
			t.Errorf("FormatAction:\n got %s\nwant %s", got, c.action)
		}
		// Read back as written, and as a spreadsheet user may retype
		// it: in capitals.
		for _, line := range []string{c.item, strings.ToUpper(c.item[:len("Phí giao hàng hiện muộn")]) + strings.ToUpper(c.item[len("Phí giao hàng hiện muộn"):])} {
			back, err := ParseItem(line)
			want := it
			if line != c.item {
				want.Text, want.Owner, want.Evidence = strings.ToUpper(it.Text), strings.ToUpper(it.Owner), []model.Evidence{{Ref: "PHONG-VAN-THANG-8"}}
			}
			if err != nil || !reflect.DeepEqual(back, want) {
				t.Errorf("ParseItem(%q) = %+v, %v; want %+v", line, back, err, want)
			}
		}
		if back, err := ParseTouchpoint(c.touch); err != nil || !reflect.DeepEqual(back, tp) {
			t.Errorf("ParseTouchpoint(%q) = %+v, %v", c.touch, back, err)
		}
		if back, err := ParseMetric(c.metric); err != nil || !reflect.DeepEqual(back, met) {
			t.Errorf("ParseMetric(%q) = %+v, %v", c.metric, back, err)
		}
		if back, err := ParseAction(c.action); err != nil || !reflect.DeepEqual(back, act) {
			t.Errorf("ParseAction(%q) = %+v, %v", c.action, back, err)
		}
	}
	// Mixed: English keys in a Vietnamese file and the other way round.
	if back, err := ParseItem("Chậm | owner: A | trạng thái: Hoàn thành"); err != nil || back.Owner != "A" || back.Status != "done" {
		t.Errorf("mixed languages: %+v, %v", back, err)
	}
	for bad, msg := range map[string]string{
		"x | trạng thái: xong":      `unknown status "xong"`,
		"x | phu trach: A":          `did you mean "phụ trách"?`,
		"x | giá tri khách hàng: 4": `did you mean "giá trị khách hàng"?`,
		"x | giá trị: 4":            "or in Vietnamese phụ trách, trạng thái, mức độ, giá trị khách hàng,",
		"x | status: Đang làm":      `or in Vietnamese one of "chưa xử lý", "đã lên kế hoạch", "đang thực hiện" or "hoàn thành"`,
		"x | công sức: 9":           "effort must be a whole number from 1 to 5",
		"x | mức độ: nghiêm trọng":  "severity must be 1, 2 or 3",
	} {
		if _, err := ParseItem(bad); err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("ParseItem(%q) = %v, want %q", bad, err, msg)
		}
	}
	if _, err := ParseTouchpoint("x | loại: máy"); err == nil || !strings.Contains(err.Error(), `one of "con người", "sản phẩm" or "kỹ thuật số"`) {
		t.Errorf("unknown kind: %v", err)
	}

	// Every value the model knows has its words, and reads back.
	for group, values := range map[string][]string{"status": model.Statuses(), "kind": model.Kinds(), "type": types()} {
		for _, v := range values {
			for _, w := range []Words{vi, en} {
				word := w.Value(group, v)
				if back, ok := ParseValue(group, word); !ok || back != v {
					t.Errorf("%s %q: written %q, read back %q (%v)", group, v, word, back, ok)
				}
			}
			if vi.Value(group, v) == v && group != "type" {
				t.Errorf("%s %q has no Vietnamese word", group, v)
			}
		}
	}
	if got := vi.Value("type", "current-state"); got != "Hiện trạng" {
		t.Errorf("type current-state in Vietnamese: %q", got)
	}
}

func types() []string {
	var out []string
	for _, t := range model.MapTypes() {
		out = append(out, string(t))
	}
	return slices.Clip(out)
}

// TestHubCSVWordsVietnamese checks that the hub's CSV files of a
// Vietnamese site write the map type, statuses and kinds in Vietnamese,
// as its journeys' CSVs do.
func TestHubCSVWordsVietnamese(t *testing.T) {
	j := &model.Journey{Title: "Mua", Type: model.ServiceBlueprint, Entry: model.Entry{URL: "journeys/mua/"}, Stages: []*model.Stage{{Name: "Quyết định",
		PainPoints:  []model.Item{{Text: "Phí ẩn", Status: "planned", Owner: "Giá"}},
		Touchpoints: []*model.Touchpoint{{Name: "Quầy", Kind: "people", Channel: "Cửa hàng"}},
	}}}
	page := func(s string) string { return s + "/" }
	h := hub.New(&model.Site{Journeys: []*model.Journey{j}}, hub.Addresses{Owner: page, Tag: page, Pair: page,
		OwnerCSV: func(o *hub.Owner, l hub.List) string { return string(l) + ".csv" }, TagCSV: func(*hub.Tag) string { return "tag.csv" },
		CSV: func(l hub.List) string { return string(l) + ".csv" }})
	h.Fill()
	sh := Sheet{Base: "https://x/", Words: WordsFor("vi", nil)}
	for name, c := range map[string]struct {
		write func(b *bytes.Buffer) error
		want  string
	}{
		"pain points": {func(b *bytes.Buffer) error { return HubItems(b, h.PainPoints, sh) }, "Phí ẩn,,đã lên kế hoạch,Giá,Mua"},
		"touchpoints": {func(b *bytes.Buffer) error { return TouchpointGroups(b, h.Touchpoints, sh) }, "Quầy,Cửa hàng,con người,"},
		"journeys":    {func(b *bytes.Buffer) error { return Journeys(b, []*model.Journey{j}, sh) }, "Mua,https://x/journeys/mua/,Bản thiết kế dịch vụ,"},
	} {
		var b bytes.Buffer
		if err := c.write(&b); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), c.want) {
			t.Errorf("%s: no %q in:\n%s", name, c.want, b.String())
		}
	}
}
