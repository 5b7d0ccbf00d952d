import Foundation
import NewsSearchTestSupport
import Testing

/// The `search serve` page in a real headless Chromium, driven through WebDriver. Skipped (and
/// said so) only where chromium or chromedriver is not installed; `.ci/run` installs both.
@Suite(.serialized, .enabled(if: WebDriver.isAvailable, "chromium and chromedriver are not installed"))
struct ServePageBrowserTests {
    let binary: SearchBinary
    let corpus: CorpusFixture
    let server: ServerProcess
    let session = BrowserSession()
    /// Started on first use inside a test, not in `init`: the suite's initializer may run where
    /// URLSession's callbacks cannot arrive while it blocks.
    var browser: WebDriver { get throws { try session.driver() } }

    init() throws {
        binary = try SearchBinary()
        corpus = try CorpusFixture()
        try corpus.write(Self.hostileArticles, to: "news/hostile/dump.jsonl")
        let indexed = try binary.run(["index", "--index", corpus.indexPath, corpus.root.path])
        #expect(indexed.status == 0, "\(indexed.stderr)")
        server = try ServerProcess(binary: binary, arguments: ["--index", corpus.indexPath])
    }

    func open(_ path: String) throws {
        try browser.open(URL(string: path, relativeTo: server.baseURL)!.absoluteURL)
        try waitForRender()
    }

    func waitForRender() throws {
        try browser.wait(until: "return document.body.dataset.state === 'ready'")
    }

    /// Clicks, then waits for the render that the click starts.
    func click(_ element: WebDriver.Element) throws {
        try browser.execute("document.body.dataset.state = 'clicked'")
        try element.click()
        try waitForRender()
    }

    func total() throws -> Int { Int(try browser.find("#total").text.replacingOccurrences(of: ",", with: "")) ?? -1 }
    func query() throws -> [URLQueryItem] {
        // The page writes forms' encoding (`+` for a space), which URLComponents does not decode.
        (URLComponents(url: try #require(try browser.currentURL), resolvingAgainstBaseURL: false)?.queryItems ?? [])
            .map { URLQueryItem(name: $0.name, value: $0.value?.replacingOccurrences(of: "+", with: " ")) }
    }
    func facetText(_ facet: String) throws -> String {
        try browser.execute("return document.querySelector('#facet-\(facet) ul').textContent") as? String ?? ""
    }

    @Test func searchFilterChartArticleAndBack() throws {
        try open("/")
        let box = try browser.find("#q")
        try browser.execute("document.body.dataset.state = 'typing'")
        try box.type("defense industrial\u{E007}")
        try waitForRender()
        #expect(try total() == 4)
        let marks = try browser.findAll("#hits .snippet mark").map { try $0.text.lowercased() }
        #expect(marks.contains("defense") && marks.contains("industrial"))
        #expect(try query().contains(URLQueryItem(name: "q", value: "defense industrial")))

        // A source: fewer hits, a chip, and the actor facet (counted with the source filter) changes.
        let actorsBefore = try facetText("actor")
        try click(try browser.find("#facet-source button[data-value='Beta Review']"))
        #expect(try total() == 1)
        #expect(try browser.find(".chip[data-facet='source']").text.contains("Beta Review"))
        #expect(try facetText("actor") != actorsBefore)
        #expect(try browser.find("#facet-source button[data-value='Beta Review']").attribute("aria-pressed") == "true")
        // Removing the chip brings the four back.
        try click(try browser.find(".chip[data-facet='source']"))
        #expect(try total() == 4)

        // A bar of the date chart: that period's articles, as since/until in the URL.
        let bar = try #require(try browser.findAll("#histogram rect.bar").first)
        let bucket = try #require(try bar.attribute("data-value"))
        let count = Int(try #require(try bar.attribute("aria-label")).split(separator: " ").last!)!
        try click(bar)
        let afterBar = try browser.currentURL?.absoluteString ?? ""
        #expect(try query().contains(URLQueryItem(name: "since", value: bucket)), "\(afterBar)")
        #expect(try query().contains(URLQueryItem(name: "until", value: bucket)))
        #expect(try total() == count)
        #expect(try browser.find(".chip[data-facet='date']").text.contains(bucket))

        // An article, with its matches marked, and back to the same results.
        let firstTitle = try browser.find("#hits .hit h3 a")
        let title = try firstTitle.text
        try click(firstTitle)
        #expect(try browser.find("#article h1").text == title)
        #expect(try !browser.findAll("#article .body mark").isEmpty)
        #expect(try query().contains { $0.name == "article" })
        try browser.execute("document.body.dataset.state = 'back'")
        try browser.back()
        try waitForRender()
        #expect(try total() == count)
        #expect(try !query().contains { $0.name == "article" })
    }

    /// A shared link holds the whole state: query, filters, sort and page.
    @Test func aURLWithFiltersRestoresTheSameState() throws {
        try open("/?q=defense&source=Alpha+Wire&source=Beta+Review&since=2024&sort=newest")
        #expect(try browser.find("#q").property("value") == "defense")
        #expect(try browser.execute("return document.getElementById('sort').value") as? String == "newest")
        let chips = try browser.findAll(".chip").map { try $0.text }
        #expect(chips.count == 3)
        let api = try HTTP.get(URL(string: "/api/search?q=defense&source=Alpha+Wire&source=Beta+Review&since=2024&sort=newest", relativeTo: server.baseURL)!)
        let expected = try JSONSerialization.jsonObject(with: api.body) as! [String: Any]
        #expect(try total() == expected["total"] as? Int)
        let ids = (expected["hits"] as! [[String: Any]]).map { $0["title"] as! String }
        #expect(try browser.findAll("#hits .hit h3 a").map { try $0.text } == ids)
    }

    /// Articles that try to run script, draw elements or hide text: shown as text, nothing runs.
    @Test func hostileArticlesRenderAsText() throws {
        try open("/?q=payload")
        #expect(try total() == 2)
        try open("/?q=payload&source=" + "<img src=x onerror=window.__xss=4>".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
        try open("/?q=payload")
        for link in try browser.findAll("#hits .hit h3 a").indices {
            try click(try browser.findAll("#hits .hit h3 a")[link])
            #expect(try browser.find("#article h1").text.contains("<"))
            if let actor = try browser.findAll("#article .actors a").first { try click(actor) }
            try open("/?q=payload")
        }
        #expect(try browser.execute("return window.__xss === undefined") as? Bool == true)
        let injected = try browser.execute(
            "return document.querySelectorAll('main img, main script, main svg[onload], main iframe, [onerror], [onload]').length") as? Int
        #expect(injected == 0)
        #expect(try browser.execute("return document.querySelectorAll('a[href^=\"javascript:\" i]').length") as? Int == 0)
        // Control characters and bidi overrides are made visible, not obeyed.
        #expect(try browser.find("#hits").text.contains("\\u{202e}"))
    }

    /// Highlights are offsets in Unicode scalars; JS strings count UTF-16 units, so an emoji (two
    /// units, or several scalars for a flag) before a match would shift a naive <mark>.
    @Test func marksStayOnTheirWordsAfterEmojiAndCJK() throws {
        try open("/?q=rocketword")
        #expect(try total() == 1)
        let marks = try browser.findAll("#hits .snippet mark").map { try $0.text }
        #expect(marks == ["rocketword", "rocketword"])
        try click(try browser.find("#hits .hit h3 a"))
        #expect(try browser.findAll("#article mark").map { try $0.text } == ["rocketword", "rocketword", "rocketword"])
    }

    /// Parts a view leaves out (the query of a filter-only view, the actors of an article naming
    /// none) are skipped, not written as the text "null".
    @Test func absentPartsLeaveNoNullText() throws {
        try open("/?source=Port+Desk")
        #expect(try total() == 1)
        #expect(try !browser.find("#summary").text.contains("null"))
        try open("/?source=Port+Desk&article=x3")
        #expect(try browser.find("#article h1").text == "Port news")
        #expect(try browser.findAll("#article .actors li").isEmpty)
        let strayText = try browser.execute(
            "return Array.from(document.getElementById('article').childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent).join('')") as? String
        #expect(strayText == "")
    }

    /// What ingestion removed shows under the article, collapsed, as text: here an ad line and a
    /// comment section holding markup.
    @Test func theArticleViewShowsWhatIngestionRemovedCollapsed() throws {
        try open("/?q=strikeword")
        #expect(try total() == 1)
        try click(try browser.find("#hits .hit h3 a"))
        #expect(try browser.execute("return document.getElementById('removed').open") as? Bool == false)
        let summary = try browser.find("#removed summary")
        #expect(try summary.text.hasPrefix("What ingestion removed: "))
        try summary.click()
        #expect(try browser.execute("return document.getElementById('removed').open") as? Bool == true)
        let items = try browser.findAll("#removed li").map { try $0.text }
        #expect(items.contains { $0.contains("advertisement") && $0.contains("Advertisement") })
        #expect(items.contains { $0.contains("<img src=x onerror=window.__xss=12>") })
        #expect(try browser.execute("return document.querySelectorAll('#removed img, #removed script').length") as? Int == 0)
        #expect(try browser.execute("return window.__xss === undefined") as? Bool == true)
    }

    static let hostileArticles = """
        {"id": "x1\\"><img src=x onerror=window.__xss=8>", "title": "<script>window.__xss=1</script> payload title \\u0007\\u001b[31m red \\u202e txet", "body": "A payload: \\"><img src=x onerror=\\"window.__xss=2\\"> and <svg onload=window.__xss=3> and <script>window.__xss=9</script>.", "date": "2025-03-01", "source": "<img src=x onerror=window.__xss=4>", "url": "javascript:window.__xss=7", "actors": ["<script>window.__xss=5</script>", "javascript:window.__xss=6"]}
        {"id": "e1", "title": "Emoji 🚀🇯🇵 rocketword", "body": "🚀🚀 日本の防衛産業 👩‍👩‍👧 rocketword, then 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and rocketword.", "date": "2025-03-03", "source": "Emoji Desk"}
        {"id": "x3", "title": "Port news", "body": "A strikeword story about the ports, which reopened on Monday after four years of building work on the eastern side of the harbour.\\nAdvertisement\\nThe city council said it would widen the access roads before the summer, and traffic is expected to double.\\nRelated Tags\\n<img src=x onerror=window.__xss=12>\\n<script>window.__xss=13</script>", "date": "2025-03-04", "source": "Port Desk"}
        {"id": "x2", "title": "Second <b onmouseover=window.__xss=12>payload \\u202e", "body": "payload <a href=\\"javascript:window.__xss=10\\">click", "date": "2025-03-02", "source": "Evil\\u0000 \\u001b]0;title\\u0007 Source", "url": "JaVaScRiPt:window.__xss=11"}
        """
}

final class BrowserSession: @unchecked Sendable {
    private var started: WebDriver?

    func driver() throws -> WebDriver {
        if let started { return started }
        guard let driver = try WebDriver.start() else { throw WebDriver.Failure(description: "no chromium") }
        started = driver
        return driver
    }
}
