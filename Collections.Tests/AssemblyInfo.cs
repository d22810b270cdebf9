// The API hosts read their connection string and mail settings from the process environment, so the
// test collections that start hosts run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
