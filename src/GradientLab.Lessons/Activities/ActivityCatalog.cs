using System.Reflection;
using System.Text.Json;

namespace GradientLab.Lessons.Activities;

/// <summary>A data file of activities that cannot be used; the message names the file, the activity and the field.</summary>
public sealed class ActivityContentException : Exception
{
    /// <summary>Creates the exception for <paramref name="problem"/> at a field of an activity in a file.</summary>
    public ActivityContentException(string file, string? activityId, string field, string problem)
        : base($"{file}: {(activityId is null ? "" : $"activity '{activityId}', ")}{(field.Length == 0 ? "" : $"field '{field}': ")}{problem}")
    {
        File = file;
        ActivityId = activityId;
        Field = field;
    }

    /// <summary>Creates the exception with a message a person can act on.</summary>
    public ActivityContentException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception, keeping the underlying error.</summary>
    public ActivityContentException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public ActivityContentException()
    {
    }

    /// <summary>The data file.</summary>
    public string File { get; } = "";

    /// <summary>The activity's id, or null when the problem is outside any activity.</summary>
    public string? ActivityId { get; }

    /// <summary>The field, as a path (<c>questions[2].choices[1].demo</c>); empty for the whole file.</summary>
    public string Field { get; } = "";
}

/// <summary>
/// Every activity of the lab, read from JSON data files (<c>Activities/*.json</c>, shipped inside this assembly) so that a
/// teacher can add questions without touching code. Reading checks every field and fails with the file, activity and field.
/// </summary>
public sealed class ActivityCatalog
{
    /// <summary>The <c>format</c> every data file declares.</summary>
    public const string Format = "gradientlab-activities";

    /// <summary>The <c>version</c> of the format this code reads.</summary>
    public const int Version = 1;

    private const string ResourcePrefix = "GradientLab.Lessons.Activities.";
    private static readonly Lazy<ActivityCatalog> BuiltIn = new(() => Load(EmbeddedFiles()));
    private readonly Dictionary<string, Activity> _byId;

    private ActivityCatalog(IReadOnlyList<Activity> activities)
    {
        All = activities;
        _byId = activities.ToDictionary(a => a.Id, StringComparer.Ordinal);
    }

    /// <summary>The activities shipped with the lab (read once, on first use).</summary>
    /// <exception cref="ActivityContentException">A shipped file is invalid (the tests prevent this).</exception>
    public static ActivityCatalog Embedded => BuiltIn.Value;

    /// <summary>Every activity, file by file (files by name), each file's in its order.</summary>
    public IReadOnlyList<Activity> All { get; }

    /// <summary>The activity with id <paramref name="id"/>, or null.</summary>
    public Activity? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The activity with id <paramref name="id"/>, of type <typeparamref name="T"/>.</summary>
    /// <exception cref="KeyNotFoundException">No activity of that type has that id.</exception>
    public T Get<T>(string id) where T : Activity =>
        Find(id) as T ?? throw new KeyNotFoundException($"There is no {typeof(T).Name} with id '{id}'.");

    /// <summary>The activities of <paramref name="page"/> (<c>/concepts</c>…), in catalog order.</summary>
    public IReadOnlyList<Activity> ForPage(string page) => [.. All.Where(a => a.Page == page)];

    /// <summary>The activities of one kind, in catalog order.</summary>
    public IReadOnlyList<T> OfType<T>() where T : Activity => [.. All.OfType<T>()];

    /// <summary>The data files shipped inside this assembly, as (file name, text).</summary>
    public static IReadOnlyList<(string Name, string Json)> EmbeddedFiles()
    {
        var assembly = typeof(ActivityCatalog).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => ("Activities/" + n[ResourcePrefix.Length..], Read(assembly, n)))];
    }

    /// <summary>Reads and checks data files, given as (file name, JSON text); ids must be unique across all of them.</summary>
    /// <exception cref="ActivityContentException">A file is not valid JSON, or a field is missing, unknown or wrong.</exception>
    public static ActivityCatalog Load(IEnumerable<(string Name, string Json)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var activities = new List<Activity>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, json) in files)
        {
            foreach (var activity in ActivityFileReader.Read(name, json))
            {
                if (seen.TryGetValue(activity.Id, out var first))
                {
                    throw new ActivityContentException(name, activity.Id, "id", $"the id is already used in {first}; every activity needs its own id (progress is kept under it).");
                }

                seen[activity.Id] = name;
                activities.Add(activity);
            }
        }

        return new ActivityCatalog(activities);
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>Reads one data file, field by field, so that every problem is reported with its place.</summary>
internal sealed class ActivityFileReader
{
    private const int MaxTextLength = 4000;
    private readonly string _file;
    private string? _activity;

    private ActivityFileReader(string file) => _file = file;

    public static IReadOnlyList<Activity> Read(string file, string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException error)
        {
            throw new ActivityContentException(file, null, "", $"not valid JSON (line {error.LineNumber + 1}, position {error.BytePositionInLine + 1}): {error.Message}");
        }

        using (document)
        {
            return new ActivityFileReader(file).ReadFile(new Node(document.RootElement, ""));
        }
    }

    private List<Activity> ReadFile(Node root)
    {
        Expect(root, JsonValueKind.Object);
        Fields(root, "format", "version", "activities", "$comment");
        if (String(root, "format") != ActivityCatalog.Format)
        {
            throw Fail("format", $"must be \"{ActivityCatalog.Format}\".");
        }

        if (Int(root, "version") != ActivityCatalog.Version)
        {
            throw Fail("version", $"this lab reads version {ActivityCatalog.Version} of the format.");
        }

        var activities = new List<Activity>();
        foreach (var item in Array(root, "activities", minimum: 1))
        {
            _activity = null;
            activities.Add(ReadActivity(item) with { Source = _file });
        }

        return activities;
    }

    private Activity ReadActivity(Node item)
    {
        Expect(item, JsonValueKind.Object);
        var id = String(item, "id");
        if (!IsId(id))
        {
            throw Fail(item.Path + ".id", $"'{id}' is not a valid id: lower-case letters, digits, '-' and '.', such as concepts.training-loop-quiz.");
        }

        // From here on, fields are named from the activity: its id is in the message.
        _activity = id;
        var node = item with { Path = "" };
        var kind = String(node, "kind");
        var page = String(node, "page");
        if (!LabPages.Contains(page))
        {
            throw Fail("page", $"'{page}' is not a page with activities ({string.Join(", ", LabPages.All)}).");
        }

        var title = String(node, "title");
        const string Common = "id,kind,page,title,$comment";
        switch (kind)
        {
            case "quiz":
                Fields(node, Common, "questions");
                var questions = Array(node, "questions", minimum: 1).Select(ReadQuestion).ToList();
                Unique(questions.Select(q => q.Id), "questions", "question id");
                return new QuizActivity(id, page, title, questions);
            case "terms":
                Fields(node, Common, "pairs");
                var pairs = Array(node, "pairs", minimum: 2).Select(p =>
                {
                    Fields(p, "term", "definition", "demo");
                    return new TermPair(String(p, "term"), String(p, "definition"), Demo(p, required: false));
                }).ToList();
                Unique(pairs.Select(p => p.Term), "pairs", "term");
                Unique(pairs.Select(p => p.Definition), "pairs", "definition");
                return new TermsActivity(id, page, title, pairs);
            case "flashcards":
                Fields(node, Common, "cards");
                var cards = Array(node, "cards", minimum: 1).Select(c =>
                {
                    Fields(c, "id", "front", "back", "demo");
                    return new FlashCard(String(c, "id"), String(c, "front"), String(c, "back"), Demo(c, required: false));
                }).ToList();
                Unique(cards.Select(c => c.Id), "cards", "card id");
                return new FlashCardDeck(id, page, title, cards);
            case "interview":
                Fields(node, Common, "level", "question", "answer", "keyPoints", "demo");
                var levelText = String(node, "level");
                var level = levelText switch
                {
                    "beginner" => InterviewLevel.Beginner,
                    "intermediate" => InterviewLevel.Intermediate,
                    "expert" => InterviewLevel.Expert,
                    _ => throw Fail("level", $"'{levelText}' is not a level (beginner, intermediate, expert)."),
                };
                var keyPoints = node.Element.TryGetProperty("keyPoints", out _) ? Array(node, "keyPoints", minimum: 1).Select(Text).ToList() : [];
                return new InterviewQuestion(id, page, title, level, String(node, "question"), String(node, "answer"), keyPoints, Demo(node, required: false));
            case "intuition":
                Fields(node, Common, "question", "answer");
                return new IntuitionCheck(id, page, title, ReadQuestion(Property(node, "question")), String(node, "answer"));
            case "reorder":
                Fields(node, Common, "prompt", "steps", "demo");
                var steps = Array(node, "steps", minimum: 2).Select(s =>
                {
                    Fields(s, "id", "text", "reason");
                    return new ReorderStep(String(s, "id"), String(s, "text"), String(s, "reason"));
                }).ToList();
                Unique(steps.Select(s => s.Id), "steps", "step id");
                return new ReorderExercise(id, page, title, String(node, "prompt"), steps, Demo(node, required: false));
            case "predict":
                Fields(node, Common, "stepper", "goal", "prompt");
                var stepper = String(node, "stepper");
                if (stepper is not ("live" or "neuron"))
                {
                    throw Fail("stepper", $"'{stepper}' is not a stepper (live, neuron).");
                }

                var goal = Int(node, "goal");
                if (goal is < 1 or > 1000)
                {
                    throw Fail("goal", $"{goal} is not a goal: 1 to 1000 right predictions.");
                }

                return new PredictActivity(id, page, title, stepper, goal, String(node, "prompt"));
            case "challenge":
                Fields(node, Common, "challenge");
                var challenge = String(node, "challenge");
                if (challenge != MomentumChallenge.Name)
                {
                    throw Fail("challenge", $"'{challenge}' is not a built-in challenge ({MomentumChallenge.Name}).");
                }

                return new ChallengeActivity(id, page, title, challenge);
            default:
                throw Fail("kind", $"'{kind}' is not a kind of activity (quiz, terms, flashcards, interview, intuition, reorder, predict, challenge).");
        }
    }

    private Question ReadQuestion(Node node)
    {
        Expect(node, JsonValueKind.Object);
        Fields(node, "id", "prompt", "choices");
        var choices = Array(node, "choices", minimum: 2).Select(c =>
        {
            Fields(c, "id", "text", "correct", "explanation", "demo");
            var correct = c.Element.TryGetProperty("correct", out var flag) && (flag.ValueKind == JsonValueKind.True || (flag.ValueKind == JsonValueKind.False ? false : throw Fail(c.Path + ".correct", "must be true or false.")));
            return new Choice(String(c, "id"), String(c, "text"), correct, String(c, "explanation"), Demo(c, required: !correct));
        }).ToList();
        var id = String(node, "id");
        Unique(choices.Select(c => c.Id), node.Path + ".choices", "choice id");
        if (choices.Count(c => c.IsCorrect) != 1)
        {
            throw Fail(node.Path + ".choices", $"question '{id}' has {choices.Count(c => c.IsCorrect)} answers marked \"correct\": true; exactly one must be.");
        }

        return new Question(id, String(node, "prompt"), choices);
    }

    private DemoLink? Demo(Node node, bool required)
    {
        if (!node.Element.TryGetProperty("demo", out _))
        {
            return required ? throw Fail(node.Path + ".demo", "missing: every wrong answer points at the demo that shows why (such as \"/live?preset=housing-unscaled\").") : null;
        }

        var href = String(node, "demo");
        return DemoLink.TryParse(href, out var link, out var problem) ? link : throw Fail(node.Path + ".demo", problem!);
    }

    private static bool IsId(string id) =>
        id.Length is > 0 and <= 80 && char.IsAsciiLetterLower(id[0]) && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.') && !id.EndsWith('.') && !id.EndsWith('-');

    private void Unique(IEnumerable<string> values, string field, string what)
    {
        var duplicate = values.GroupBy(v => v, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw Fail(field, $"the {what} '{duplicate.Key}' appears more than once.");
        }
    }

    private void Fields(Node node, params string[] allowed)
    {
        var names = allowed.SelectMany(a => a.Split(',')).ToHashSet(StringComparer.Ordinal);
        foreach (var property in node.Element.EnumerateObject())
        {
            if (!names.Contains(property.Name))
            {
                throw Fail(Join(node.Path, property.Name), $"unknown field (fields here: {string.Join(", ", names.Where(n => n != "$comment"))}).");
            }
        }
    }

    private Node Property(Node node, string name) =>
        node.Element.TryGetProperty(name, out var value) ? new Node(value, Join(node.Path, name)) : throw Fail(Join(node.Path, name), "missing.");

    private string String(Node node, string name) => Text(Property(node, name));

    private string Text(Node node)
    {
        if (node.Element.ValueKind != JsonValueKind.String)
        {
            throw Fail(node.Path, $"must be a string, not {Describe(node.Element.ValueKind)}.");
        }

        var text = node.Element.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Fail(node.Path, "must not be empty.");
        }

        return text.Length > MaxTextLength ? throw Fail(node.Path, $"is {text.Length} characters long; at most {MaxTextLength}.") : text.Trim();
    }

    private int Int(Node node, string name)
    {
        var value = Property(node, name);
        return value.Element.ValueKind == JsonValueKind.Number && value.Element.TryGetInt32(out var number)
            ? number
            : throw Fail(value.Path, $"must be a whole number, not {Describe(value.Element.ValueKind)}.");
    }

    private List<Node> Array(Node node, string name, int minimum)
    {
        var array = Property(node, name);
        Expect(array, JsonValueKind.Array);
        var count = array.Element.GetArrayLength();
        if (count < minimum)
        {
            throw Fail(array.Path, $"needs at least {minimum} item{(minimum == 1 ? "" : "s")}.");
        }

        return array.Element.EnumerateArray().Select((item, index) => new Node(item, $"{array.Path}[{index}]")).ToList();
    }

    private void Expect(Node node, JsonValueKind kind)
    {
        if (node.Element.ValueKind != kind)
        {
            throw Fail(node.Path, $"must be {Describe(kind)}, not {Describe(node.Element.ValueKind)}.");
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object { … }",
        JsonValueKind.Array => "a list [ … ]",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private ActivityContentException Fail(string field, string problem) => new(_file, _activity, field, problem);

    /// <summary>A JSON value and where it is, for messages.</summary>
    private readonly record struct Node(JsonElement Element, string Path);
}
