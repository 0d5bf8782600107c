package export_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/hub"
	"github.com/waymark-cx/waymark/generator/model"
)

// TestItemScoresRoundTrip: an item's scores and evidence survive the
// CSV cell and the journey file the importer writes.
func TestItemScoresRoundTrip(t *testing.T) {
	it := model.Item{Text: "Show the total", Owner: "Pricing", Scores: model.Scores{Value: 4, BusinessValue: 3, Effort: 2, Confidence: 0.75, HasConfidence: true},
		Evidence: []model.Evidence{{Ref: "interviews-aug-2026"}, {Ref: "https://example.com/r", URL: "https://example.com/r", External: true}}}
	line := export.FormatItem(it, nil)
	want := "Show the total | owner: Pricing | value: 4 | business_value: 3 | effort: 2 | confidence: 0.75 | evidence: interviews-aug-2026; https://example.com/r"
	if line != want {
		t.Fatalf("FormatItem:\n got %s\nwant %s", line, want)
	}
	back, err := export.ParseItem(line)
	if err != nil {
		t.Fatal(err)
	}
	if back.Scores != it.Scores || len(back.Evidence) != 2 || back.Evidence[0].Ref != "interviews-aug-2026" || !back.Evidence[1].External {
		t.Errorf("ParseItem: %+v", back)
	}
	for bad, msg := range map[string]string{
		"x | value: 6":        "value must be a whole number from 1 to 5",
		"x | effort: lots":    "effort must be a whole number from 1 to 5",
		"x | confidence: 1.5": "confidence must be a number from 0 to 1",
		"x | efort: 2":        `did you mean "effort"?`,
	} {
		if _, err := export.ParseItem(bad); err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("ParseItem(%q) = %v, want %q", bad, err, msg)
		}
	}
	j := &model.Journey{Title: "T", Stages: []*model.Stage{{Name: "S", Opportunities: []model.Item{it}}}}
	src := string(export.Markdown(j))
	if !strings.Contains(src, `value = 4, business_value = 3, effort = 2, confidence = 0.75, evidence = ["interviews-aug-2026", "https://example.com/r"]`) {
		t.Errorf("the journey file has no scores:\n%s", src)
	}
}

// TestPrioritiesCSV: the download holds the ranked table, then the
// unscored opportunities with no rank, in the site's language.
func TestPrioritiesCSV(t *testing.T) {
	j := &model.Journey{Title: "Mua", Entry: model.Entry{URL: "journeys/mua/"}, Stages: []*model.Stage{{Name: "Quyết định", Opportunities: []model.Item{
		{Text: "Hiện tổng tiền", Status: "in-progress", Scores: model.Scores{Value: 5, Effort: 1}, Evidence: []model.Evidence{{Ref: "pv"}}},
		{Text: "Chưa chấm"},
	}}}}
	h := hub.New(&model.Site{Journeys: []*model.Journey{j}, Config: model.Config{Priorities: model.DefaultWeights()}},
		hub.Addresses{CSV: func(l hub.List) string { return string(l) + ".csv" }})
	h.Fill()
	p := h.View.Priorities
	var b bytes.Buffer
	sh := export.Sheet{Base: "https://x/", Words: export.WordsFor("vi", nil)}
	if err := export.Priorities(&b, p.Ranked.All(), p.Unscored.All(), sh); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, want := range []string{
		"Thứ hạng,Điểm ưu tiên,Góc phần tư,Nội dung,Giá trị khách hàng,Giá trị kinh doanh,Công sức,Độ tin cậy,Phụ trách,Trạng thái,Bằng chứng,Hành trình",
		"1,5,thắng nhanh,Hiện tổng tiền,5,,1,,,đang thực hiện,pv,Mua,https://x/journeys/mua/,Quyết định,https://x/journeys/mua/#stage-1",
		",,chưa chấm điểm,Chưa chấm,",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in:\n%s", want, got)
		}
	}
}
