import { Module } from '@nestjs/common';
import { SearchIndexerService } from './indexing/search-indexer.service.js';
import { SearchService } from './query/search.service.js';
import { SearchResolver } from './query/search.resolver.js';
import { SearchStateRepository } from './indexing/search-state.repository.js';

@Module({
  providers: [SearchStateRepository, SearchIndexerService, SearchService],
  exports: [SearchIndexerService, SearchService],
})
export class SearchModule {}

@Module({ imports: [SearchModule], providers: [SearchResolver] })
export class SearchGraphqlModule {}
