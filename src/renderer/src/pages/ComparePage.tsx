import { useParams } from 'react-router';
import { TwinComparePage } from './compare/TwinComparePage';
import { TwinIndex } from './compare/TwinIndex';

/** /compare lists the twins; /compare/:twinId compares one. */
export function ComparePage() {
  const { twinId } = useParams();
  return twinId ? <TwinComparePage key={twinId} twinId={twinId} /> : <TwinIndex />;
}
