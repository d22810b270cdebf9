namespace Collections.Api.ReadSide;

/// <summary>The page and pageSize of every list endpoint: 1 to <see cref="MaxPage"/>, 1 to <see cref="MaxSize"/>.</summary>
public static class Paging
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    /// <summary>Bounded so that the offset (page - 1) × pageSize never overflows; 10,000 × 500 is 5 million items.</summary>
    public const int MaxPage = 10_000;

    public static IResult? Check(int? page, int? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1 or > MaxPage) errors["page"] = [$"must be between 1 and {MaxPage}."];
        if (pageSize is < 1 or > MaxSize) errors["pageSize"] = [$"must be between 1 and {MaxSize}."];
        return errors.Count == 0 ? null
            : Results.ValidationProblem(errors, title: "The request is invalid",
                detail: string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
    }

    public static (int Page, int Size) Resolve(int? page, int? pageSize) => (page ?? 1, pageSize ?? DefaultSize);
}
