export const Skeleton = ({ width = "100%", height = 14 }: { width?: number | string; height?: number }) => (
  <span className="skeleton" style={{ width, height }} aria-hidden="true" />
);

/** A board-shaped placeholder while the snapshot loads. */
export const BoardSkeleton = () => (
  <div className="board-columns" role="status" aria-busy="true" aria-label="Loading board">
    {[4, 2, 3].map((count, column) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder
      <div key={column} className="column column-skeleton">
        <div className="column-header">
          <Skeleton width="40%" height={16} />
        </div>
        <div className="column-cards">
          {Array.from({ length: count }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder
            <div key={i} className="card-tile card-tile-skeleton">
              <Skeleton width={`${60 + ((i * 17) % 35)}%`} />
              <Skeleton width="35%" height={10} />
            </div>
          ))}
        </div>
      </div>
    ))}
  </div>
);

export const ListSkeleton = ({ rows = 4 }: { rows?: number }) => (
  <div className="list-skeleton" aria-busy="true">
    {Array.from({ length: rows }, (_, i) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder
      <Skeleton key={i} width={`${55 + ((i * 23) % 40)}%`} />
    ))}
  </div>
);
